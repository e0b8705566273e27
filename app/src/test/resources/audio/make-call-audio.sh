#!/usr/bin/env bash
# Makes the two sides of a recorded sales call for the live-tips tests and benchmark, as Twilio's media streams carry
# them: 8 kHz mono G.711 μ-law, raw. call-partner.ul is the partner's side (the stream's inbound track),
# call-customer.ul the customer's (outbound); both are the same length, each silent while the other speaks.
# call-script.tsv lists who says what, in order, with where each sentence ends (ms from the start).
# Needs: apt-get install -y espeak-ng sox
set -euo pipefail
cd "$(dirname "$0")"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
GAP=0.9 # seconds of silence after each sentence: long enough for a recogniser to decide the sentence ended
turns=(
  "partner|namaste sir this is ramesh from gromo calling about the personal loan"
  "customer|hello yes tell me"
  "partner|you can get up to three lakh rupees at a good rate"
  "customer|the interest rate is too high i will not take it"
  "partner|i understand sir let me show you all the charges"
  "customer|how much is the processing fee"
  "partner|it is shown clearly in the app before you sign"
  "customer|ok send me the link i want to apply today"
)
: > "$TMP/partner.list"; : > "$TMP/customer.list"
printf 'speaker\tends_ms\ttext\n' > call-script.tsv
total=0
i=0
for turn in "${turns[@]}"; do
  who=${turn%%|*}; text=${turn#*|}
  espeak-ng -v en -s 150 -w "$TMP/s$i.wav" "$text"
  sox "$TMP/s$i.wav" -r 8000 -c 1 -b 16 -e signed-integer "$TMP/v$i.wav"
  sox -n -r 8000 -c 1 -b 16 -e signed-integer "$TMP/q$i.wav" trim 0 "$(soxi -D "$TMP/v$i.wav")"
  sox -n -r 8000 -c 1 -b 16 -e signed-integer "$TMP/g$i.wav" trim 0 "$GAP"
  if [ "$who" = partner ]; then
    echo "$TMP/v$i.wav $TMP/g$i.wav" >> "$TMP/partner.list"; echo "$TMP/q$i.wav $TMP/g$i.wav" >> "$TMP/customer.list"
  else
    echo "$TMP/q$i.wav $TMP/g$i.wav" >> "$TMP/partner.list"; echo "$TMP/v$i.wav $TMP/g$i.wav" >> "$TMP/customer.list"
  fi
  samples=$(soxi -s "$TMP/v$i.wav")
  total=$((total + samples))
  printf '%s\t%d\t%s\n' "$who" $((total / 8)) "$text" >> call-script.tsv
  total=$((total + $(soxi -s "$TMP/g$i.wav")))
  i=$((i + 1))
done
# shellcheck disable=SC2046
sox $(cat "$TMP/partner.list") -r 8000 -c 1 -e u-law -t ul call-partner.ul
# shellcheck disable=SC2046
sox $(cat "$TMP/customer.list") -r 8000 -c 1 -e u-law -t ul call-customer.ul
