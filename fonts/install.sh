#!/usr/bin/env bash
# Install what gongwen needs to render PDFs: LibreOffice Writer (headless), poppler (pdftoppm,
# used to measure ink) and free preview faces that cover GB2312 for the licensed official ones:
# Noto CJK from Debian, FandolFang/FandolKai taken out of texlive-lang-chinese's .deb without
# installing texlive (50 MB download instead of a TeX system). Idempotent; run as root.
set -euo pipefail
FONT_DIR="${GONGWEN_FONT_DIR:-/usr/local/share/fonts/gongwen}"
export DEBIAN_FRONTEND=noninteractive

need=()
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
command -v fc-cache >/dev/null || need+=(fontconfig)
# grep -q would close the pipe early and, under pipefail, fail the test: read the list first.
families="$(fc-list : family 2>/dev/null || true)"
grep -q "Noto Serif CJK SC" <<<"$families" || need+=(fonts-noto-cjk)
updated=0
if ((${#need[@]})); then
  apt-get update -qq
  updated=1
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ ! -f "$FONT_DIR/FandolFang-Regular.otf" ] || [ ! -f "$FONT_DIR/FandolKai-Regular.otf" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  # apt-get download drops privileges to _apt, which must be able to write the folder.
  chmod 777 "$work"
  ((updated)) || apt-get update -qq
  (cd "$work" && apt-get download -qq texlive-lang-chinese)
  dpkg-deb -x "$work"/texlive-lang-chinese_*.deb "$work/x"
  mkdir -p "$FONT_DIR"
  find "$work/x" \( -name 'FandolFang-*.otf' -o -name 'FandolKai-*.otf' \) -exec cp {} "$FONT_DIR/" \;
  find "$work/x" -path '*fandol*' -name COPYING.gz -exec cp {} "$FONT_DIR/COPYING-fandol.gz" \;
  fc-cache -f "$FONT_DIR" >/dev/null
fi

families="$(fc-list : family)"
for face in FandolFang FandolKai "Noto Serif CJK SC" "Noto Sans CJK SC"; do
  grep -q "$face" <<<"$families" || { echo "fonts/install.sh: $face is missing after install" >&2; exit 1; }
done
echo "fonts/install.sh: LibreOffice, poppler and the preview faces are installed"
