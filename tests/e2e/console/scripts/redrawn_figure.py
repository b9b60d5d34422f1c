"""A long log, then a figure redrawn in place until the program is stopped."""

import itertools

import matplotlib.pyplot as plt

for number in range(100):
    print(f"line {number}")
figure, axes = plt.subplots(figsize=(2, 2), dpi=50)
for frame in itertools.count():
    axes.set_title(f"Frame {frame}")
    plt.pause(0.05)
