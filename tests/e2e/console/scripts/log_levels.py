import logging

logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(name)s: %(message)s")
log = logging.getLogger("demo")
log.debug("looking closely")
log.info("all is well")
log.warning("careful now")
log.error("that failed")
print("plain output")
print("  --debug-file PATH  File to be used as a stream for DEBUG logging")  # help text
