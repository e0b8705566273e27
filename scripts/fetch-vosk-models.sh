#!/bin/sh
# Downloads the official small Vosk models (English-India, Hindi) into VOSK_DIR, each checked before it is unpacked.
# Run by the compose service fetch-vosk-models (alpine: busybox wget, unzip, md5sum, sha256sum); also runs on any
# machine with curl or wget. A model already unpacked is left alone, so running it again is harmless.
#
# Checks, both must pass:
#  - size and MD5 as alphacephei publishes them in https://alphacephei.com/vosk/models/model-list.json (the only
#    checksums it publishes; pinned here, so a changed file on the server is refused);
#  - SHA-256 against VOSK_SHA256_FILE (sha256sum format, deploy/vosk-models.sha256), which the operator fills: a
#    listed archive must match it; one not listed yet is accepted on the MD5 alone and its SHA-256 is printed as
#    the line to add.
set -eu

DIR=${VOSK_DIR:-/models}
SUMS=${VOSK_SHA256_FILE:-$(dirname "$0")/../deploy/vosk-models.sha256}
BASE_URL=${VOSK_BASE_URL:-https://alphacephei.com/vosk/models}
# name, size in bytes, MD5 (model-list.json)
MODELS=${VOSK_MODELS:-"vosk-model-small-en-in-0.4 37573330 62fd085f33c8c5fc01a235030e2a1fe3
vosk-model-small-hi-0.22 44458845 80f1265262c9a8a515f2707498e1b485"}

fail() {
    echo "fetch-vosk-models: $*" >&2
    exit 1
}

download() { # URL FILE
    if command -v curl >/dev/null 2>&1; then
        curl -fsSL -o "$2" "$1"
    else
        wget -q -O "$2" "$1"
    fi
}

pinned_sha256() { # ARCHIVE: the operator's line for it, if any
    [ -f "$SUMS" ] || return 0
    while read -r sum file; do
        case "$sum" in '#'* | '') continue ;; esac
        if [ "${file#\*}" = "$1" ]; then
            echo "$sum"
            return 0
        fi
    done <"$SUMS"
}

mkdir -p "$DIR"
work="$DIR/.fetch"
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

echo "$MODELS" | while read -r name size md5; do
    [ -n "$name" ] || continue
    if [ -f "$DIR/$name/am/final.mdl" ] && [ -f "$DIR/$name/conf/model.conf" ]; then
        echo "fetch-vosk-models: $name is already in $DIR"
        continue
    fi
    archive="$name.zip"
    echo "fetch-vosk-models: downloading $BASE_URL/$archive"
    download "$BASE_URL/$archive" "$work/$archive" || fail "could not download $BASE_URL/$archive"

    got_size=$(wc -c <"$work/$archive" | tr -d ' ')
    [ "$got_size" = "$size" ] || fail "$archive has $got_size bytes, alphacephei lists $size: refused"
    got_md5=$(md5sum "$work/$archive" | cut -d ' ' -f 1)
    [ "$got_md5" = "$md5" ] || fail "$archive has MD5 $got_md5, alphacephei lists $md5: refused"
    got_sha=$(sha256sum "$work/$archive" | cut -d ' ' -f 1)
    want_sha=$(pinned_sha256 "$archive")
    if [ -n "$want_sha" ]; then
        [ "$got_sha" = "$want_sha" ] || fail "$archive has SHA-256 $got_sha, $SUMS pins $want_sha: refused"
        echo "fetch-vosk-models: $archive matches its SHA-256 in $SUMS"
    else
        echo "fetch-vosk-models: WARNING $archive has no SHA-256 in $SUMS; accepted on alphacephei's size and MD5."
        echo "fetch-vosk-models: pin it by adding this line to deploy/vosk-models.sha256:"
        echo "$got_sha  $archive"
    fi

    rm -rf "$work/unpacked"
    mkdir -p "$work/unpacked"
    unzip -q "$work/$archive" -d "$work/unpacked" || fail "could not unpack $archive"
    if [ ! -f "$work/unpacked/$name/am/final.mdl" ] || [ ! -f "$work/unpacked/$name/conf/model.conf" ]; then
        fail "$archive does not unpack to $name/ with am/final.mdl and conf/model.conf"
    fi
    rm -rf "${DIR:?}/$name"
    # same file system: the model folder appears whole or not at all
    mv "$work/unpacked/$name" "$DIR/$name"
    rm -f "$work/$archive"
    echo "fetch-vosk-models: $name ready in $DIR/$name"
done
