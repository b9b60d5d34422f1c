"""The page's files (HTML, CSS, JavaScript), shipped inside the package as `desklaunch.assets`."""
