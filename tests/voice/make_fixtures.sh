#!/usr/bin/env bash
# Builds the spoken answers the voice tests hear, and the truth of each (what was said, when).
# Needs espeak-ng and sox (Debian: apt-get install espeak-ng sox). The WAVs are committed, so
# the tests and CI need neither; run this again only to change them:
#
#     tests/voice/make_fixtures.sh [NAME...]     (only the answers named: plain, numbers, ...)
#
# sox dithers, so a WAV made again differs in its last bits from the one committed; make
# again only the answers you change.
# Each answer is 16 kHz mono 16-bit, about 20 s at most. Sentences are spoken one by one, trimmed of
# their own silence, and joined with a short breath (0.3 s) or a pause of known length, so
# every pause in the truth starts where the sound before it ends, to the sample.
# In the truth, `words` counts the words as they are said, numbers in words ("1,200" is "one
# thousand two hundred", four; "twenty-three" one, as written), from the sentence as spoken
# when `say` is given one; it leaves out the fillers "um", "uh" and "er"; `fillers` is how
# many of each were said.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="$here/fixtures"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

BREATH=0.3

parts=()
spoken=""
counted=""
now=0
pauses=""
count=0

# say "sentence" ["as spoken"]: speak one sentence and add it to the answer being built; the
# second form, its numbers in words, is what its words are counted from.
say() {
    local raw="$tmp/raw.wav" part="$tmp/part$count.wav"
    espeak-ng -v en-us -s 165 -w "$raw" "$1"
    sox "$raw" -r 16000 -c 1 -b 16 "$part" \
        silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse
    parts+=("$part")
    spoken="${spoken:+$spoken }$1"
    counted="${counted:+$counted }${2:-$1}"
    now="$(awk -v a="$now" -v b="$(soxi -D "$part")" 'BEGIN { printf "%.4f", a + b }')"
    count=$((count + 1))
}

# gap SECONDS: silence; 2 s or more is a pause the truth lists.
gap() {
    local part="$tmp/part$count.wav"
    sox -n -r 16000 -c 1 -b 16 "$part" trim 0 "$1"
    parts+=("$part")
    if awk -v s="$1" 'BEGIN { exit !(s >= 2) }'; then
        pauses="$pauses  - {at_s: $(printf '%.2f' "$now"), seconds: $1}"$'\n'
    fi
    now="$(awk -v a="$now" -v b="$1" 'BEGIN { printf "%.4f", a + b }')"
    count=$((count + 1))
}

# said WORD: how many times WORD was said as its own word.
said() {
    printf '%s\n' "$spoken" | tr -c "[:alnum:]'%.\$\n" ' ' | tr ' ' '\n' \
        | sed 's/[.,]*$//' | grep -cix "$1" || true
}

# answer NAME "FIGURE, FIGURE" LIKE_FILLERS: write NAME.wav and NAME.yaml, then start anew.
answer() {
    local name="$1" figures="$2" like="$3"
    if [ "${#wanted[@]}" -gt 0 ] && [[ " ${wanted[*]} " != *" $name "* ]]; then
        parts=(); spoken=""; counted=""; now=0; pauses=""
        return
    fi
    sox "${parts[@]}" "$out/$name.wav"
    local all um uh er
    all="$(printf '%s\n' "$counted" | wc -w)"
    um="$(said um)"; uh="$(said uh)"; er="$(said er)"
    {
        echo "# Made by make_fixtures.sh: what $name.wav says, and when."
        echo "audio: $name.wav"
        echo "duration_s: $(printf '%.2f' "$(soxi -D "$out/$name.wav")")"
        echo "words: $((all - um - uh - er))"
        echo "text: \"$spoken\""
        if [ -n "$pauses" ]; then echo "pauses:"; printf '%s' "$pauses"; else echo "pauses: []"; fi
        echo "fillers: {um: $um, uh: $uh, er: $er, like: $like}"
        echo "figures: [$figures]"
    } > "$out/$name.yaml"
    parts=(); spoken=""; counted=""; now=0; pauses=""
}

wanted=("$@")

say "The churn model was my project at a subscription company."
gap "$BREATH"
say "Customers were leaving and nobody could say which ones would go next."
gap "$BREATH"
say "I built a gradient boosted model on six months of usage data."
gap "$BREATH"
say "We cut monthly churn from 23% to 11% in two quarters." \
    "We cut monthly churn from twenty-three percent to eleven percent in two quarters."
gap "$BREATH"
say "The scoring job ran every night and took 40 minutes." \
    "The scoring job ran every night and took forty minutes."
answer plain '"23%", "11%", "40 minutes"' 0

say "The hardest part was the labels."
gap 2.5
say "Refunds were logged a week late, so the model saw the future."
gap 3
say "I moved the cut off back by 7 days and the leak was gone." \
    "I moved the cut off back by seven days and the leak was gone."
gap "$BREATH"
say "Precision dropped to 62%, but it held in production." \
    "Precision dropped to sixty-two percent, but it held in production."
answer pauses '"7 days", "62%"' 0

say "Um, so, search ranking."
gap "$BREATH"
say "Many queries had, uh, no clicks."
gap "$BREATH"
say "I like baselines, so I began with BM25." "I like baselines, so I began with BM twenty-five."
gap "$BREATH"
say "Then, um, we added a small reranker, and, like, latency went up to 90 milliseconds." \
    "Then, um, we added a small reranker, and, like, latency went up to ninety milliseconds."
gap 2.5
say "Uh, caching brought it back down."
answer fillers '"90 milliseconds"' 1

say "We labelled 1,200 tickets in 14 days." \
    "We labelled one thousand two hundred tickets in fourteen days."
gap "$BREATH"
say "Recall rose from 58% to 87.5%." \
    "Recall rose from fifty-eight percent to eighty-seven point five percent."
gap "$BREATH"
say "It cost 3.2 million dollars and saved 4,500 hours a year." \
    "It cost three point two million dollars and saved four thousand five hundred hours a year."
gap "$BREATH"
say "We served 2,300,000 requests a day, and the score went from 0.71 to 0.84." \
    "We served two million three hundred thousand requests a day, and the score went from zero point seven one to zero point eight four."
answer numbers '"1,200", "14 days", "58%", "87.5%", "3.2 million dollars", "4,500 hours", "2,300,000", "0.71", "0.84"' 0
