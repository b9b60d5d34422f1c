from tqdm import tqdm

total = 0
for i in tqdm(range(200), desc="Crunching"):
    total += i
print("total", total)
