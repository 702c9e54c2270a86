#!/bin/sh
# Makes the fallback fonts in assets/fonts/ from their published packages (run by hand, not by
# the build; the fonts are committed). All are Noto, SIL Open Font License 1.1 (OFL-Noto.txt):
#   Noto Sans, Noto Sans Math, Noto Sans Symbols, Noto Sans Symbols 2: Debian's fonts-noto-core
#     (TrueType as Google published them);
#   Noto Emoji (monochrome outlines): the npm registry's @fontsource/noto-emoji, whose WOFF files
#     split the font by Unicode ranges; fontTools converts and merges them back into one TrueType.
# Needs apt-get, npm and python3 (a virtual environment for fontTools is made under $work).
set -eu
out=$(cd "$(dirname "$0")/../../assets/fonts" && pwd)
work=${FONT_WORK:-/tmp/daftar-fonts}
rm -rf "$work" && mkdir -p "$work" && cd "$work"

apt-get download fonts-noto-core
dpkg -x fonts-noto-core_*.deb noto
for name in NotoSans-Regular NotoSansMath-Regular NotoSansSymbols-Regular NotoSansSymbols2-Regular; do
    cp "noto/usr/share/fonts/truetype/noto/$name.ttf" "$out/"
done

npm pack @fontsource/noto-emoji@5.3.2
mkdir emoji && tar xzf fontsource-noto-emoji-*.tgz -C emoji
python3 -m venv venv && venv/bin/pip install -q fonttools==4.*
venv/bin/python - "$work/emoji/package/files" "$out/NotoEmoji-Regular.ttf" <<'PY'
import glob, sys
from fontTools.merge import Merger
from fontTools.ttLib import TTFont
parts = []
for woff in sorted(glob.glob(sys.argv[1] + "/noto-emoji-*-400-normal.woff")):
    font = TTFont(woff)
    font.flavor = None
    ttf = woff[:-len(".woff")] + ".ttf"
    font.save(ttf)
    parts.append(ttf)
Merger().merge(parts).save(sys.argv[2])
print(f"{len(parts)} parts of Noto Emoji merged into {sys.argv[2]}")
PY
{
    echo "Noto fonts (NotoSans-Regular.ttf, NotoSansMath-Regular.ttf, NotoSansSymbols-Regular.ttf,"
    echo "NotoSansSymbols2-Regular.ttf, NotoEmoji-Regular.ttf), made by scripts/fonts/fallback_fonts.sh."
    echo
    cat emoji/package/LICENSE
} > "$out/OFL-Noto.txt"
ls -la "$out"
