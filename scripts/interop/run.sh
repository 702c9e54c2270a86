#!/bin/sh
# Checks Daftar's exports with the real tools: scripts/interop/run.sh [label-studio|doccano|spacy|w3c|csv]...
# Each tool gets its own virtual environment under $DAFTAR_INTEROP_WORK (default
# /tmp/daftar-interop), installed from PyPI at the versions docs/FORMATS.md names. Not run by CI.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=${DAFTAR_INTEROP_WORK:-/tmp/daftar-interop}
mkdir -p "$work"
(cd "$here/../.." && cargo build --release)

venv() { # name, packages...
    name=$1; shift
    if [ ! -x "$work/venv-$name/bin/python" ]; then
        python3 -m venv "$work/venv-$name"
        "$work/venv-$name/bin/pip" install -q "$@"
    fi
    echo "$work/venv-$name/bin/python"
}

status=0
for check in ${@:-label-studio doccano spacy w3c csv}; do
    echo "== $check"
    case $check in
        label-studio) py=$(venv ls label-studio==1.23.2 requests); script=label_studio.py ;;
        doccano) py=$(venv doccano doccano==1.8.4 "marshmallow<4" "numpy<2" requests); script=doccano.py ;;
        spacy) py=$(venv spacy spacy==3.8.18); script=spacy_check.py ;;
        w3c) py=$(venv w3c pyld==3.3.0 requests); script=w3c_jsonld.py ;;
        csv) py=$(venv csv frictionless==5.21.0 pandas); script=frictionless_check.py ;;
        *) echo "unknown check $check"; exit 2 ;;
    esac
    (cd "$here" && "$py" "$script") || status=1
done
exit $status
