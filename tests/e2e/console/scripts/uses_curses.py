import curses

screen = curses.initscr()
screen.addstr(0, 0, "hello")
