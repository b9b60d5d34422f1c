"""A terminal program that parses its command line with optparse."""

from optparse import OptionGroup, OptionParser

parser = OptionParser(usage="%prog [options] WORD...", description="Print words as a banner.")
parser.add_option("-w", "--width", type="int", default=20, help="line width [default: %default]")
parser.add_option("-s", "--style", type="choice", choices=["plain", "box"], default="plain",
                  help="how to frame the words")
parser.add_option("-u", "--upper", action="store_true", help="in capitals")
parser.add_option("-t", "--tag", action="append", default=[], help="a tag (again for more)")
group = OptionGroup(parser, "Output")
group.add_option("-q", "--quiet", action="store_false", dest="loud", default=True,
                 help="no footer")
parser.add_option_group(group)
parser.disable_interspersed_args()  # options first: what follows the first word is words
options, words = parser.parse_args()
if not words:
    parser.error("give at least one WORD")
print(f"width={options.width} style={options.style} upper={options.upper} "
      f"tags={options.tag} loud={options.loud} words={words}")
