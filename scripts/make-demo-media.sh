#!/usr/bin/env bash
# Makes the demo media the embedded API serves under /media/ (src/server/db/demo-media/).
# The files are committed; this script is the record of how they were made and reproduces them.
# Only needed to change the media, never at run time:
#   apt-get update && apt-get install -y espeak-ng sox imagemagick
# Fonts used: DejaVu (fonts-dejavu-core) and URW Z003 (fonts-urw-base35), both pulled in by ImageMagick.
#
# Voicemails and call recordings: speech from espeak-ng, band-limited and resampled by sox to sound
# like a phone line: mono, 8 kHz, 16-bit PCM WAV (plays in every browser, ~16 KB per second).
# Images: drawn with ImageMagick, with a little noise so JPEGs look and weigh like phone photos;
# each has a 160 px wide `-thumb` version. Plus one PDF quote and one vCard as non-image MMS parts.
# Keep every voicemail 3-12 s: src/server/db/seed/seed.test.ts checks the durations and the sizes.
set -euo pipefail

OUT="$(cd "$(dirname "$0")/.." && pwd)/src/server/db/demo-media"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

IM=convert
command -v magick >/dev/null 2>&1 && IM="magick"

# ---- Speech -------------------------------------------------------------------------------------

# say VOICE SPEED TEXT OUT: one utterance at telephone quality.
say() {
  espeak-ng -v "$1" -s "$2" -w "$WORK/raw.wav" "$3"
  sox "$WORK/raw.wav" -r 8000 -b 16 -c 1 "$4" sinc 250-3400 gain -n -3
}

# line_noise SECONDS OUT: faint hiss mixed under a recording so silence sounds like a phone line.
line_noise() {
  sox -n -r 8000 -b 16 -c 1 "$2" synth "$1" pinknoise vol 0.012
}

# voicemail NAME VOICE SPEED TEXT
voicemail() {
  say "$2" "$3" "$4" "$WORK/speech.wav"
  sox "$WORK/speech.wav" "$WORK/padded.wav" pad 0.5 0.8
  local len
  len=$(soxi -D "$WORK/padded.wav")
  line_noise "$len" "$WORK/noise.wav"
  sox -m "$WORK/padded.wav" "$WORK/noise.wav" -b 16 "$OUT/$1.wav"
}

# recording NAME VOICE_A VOICE_B LINE_A1 LINE_B1 LINE_A2 LINE_B2 ...: a two-party call.
recording() {
  local name=$1 va=$2 vb=$3
  shift 3
  local parts=() i=0
  sox -n -r 8000 -b 16 -c 1 "$WORK/gap.wav" trim 0 0.45
  for line in "$@"; do
    local voice=$va speed=170
    if ((i % 2 == 1)); then voice=$vb; speed=160; fi
    say "$voice" "$speed" "$line" "$WORK/part-$i.wav"
    parts+=("$WORK/part-$i.wav" "$WORK/gap.wav")
    i=$((i + 1))
  done
  sox "${parts[@]}" "$WORK/joined.wav" pad 0.3 0.3
  local len
  len=$(soxi -D "$WORK/joined.wav")
  line_noise "$len" "$WORK/noise.wav"
  sox -m "$WORK/joined.wav" "$WORK/noise.wav" -b 16 "$OUT/$name.wav"
}

voicemail voicemail-01 en-us+f3 182 \
  "Hi Alex, this is Dana from Acme Logistics, calling about the renewal quote. We're fine on seats, but I have a question on the annual discount. Call me back when you can. Thanks!"
voicemail voicemail-02 en-us+m3 175 \
  "Hey Alex, Marcus Reid at Brightline Dental. The team loved the demo yesterday. Could you send the security questionnaire before Friday? Thanks, talk soon."
voicemail voicemail-03 en-gb+f2 170 \
  "Hi, this is Sofia Alvarez from Pinecrest Hotels, returning your call about the pilot. I'm in meetings until three, but free after that. Bye now."
voicemail voicemail-04 en-us+m1 170 \
  "Good morning, Tom Becker here from Harbor Freight Partners. Quick question about your invoice: the P O number is missing. Please give me a call back. Thank you."
voicemail voicemail-05 en-us+m4 170 \
  "Hello, I found your number on the website. We're a team of twelve looking for a new CRM. Could someone call me back? My name is Chris. Thanks."
voicemail voicemail-06 en-gb+f4 170 \
  "Hi, it's Aiko from Sakura Foods. We signed the contract this morning, I'll email it over shortly. Just wanted to say thank you!"
voicemail voicemail-07 en-gb+m2 175 \
  "Hey, this is Raj from Lotus Fintech. We need to push Thursday's call to next week. Any time on Tuesday works for us. Cheers."
voicemail voicemail-08 de+f2 165 \
  "Hallo Jonas, hier ist Katrin Vogel von Müller Maschinenbau. Können Sie mich wegen des Angebots zurückrufen? Vielen Dank!"

recording recording-01 en-us+m3 en-us+f2 \
  "Thanks for calling Northwind, how can I help?" \
  "Hi, I got your number from a friend. Do you offer a free trial?" \
  "We do. Fourteen days, no credit card needed." \
  "Great. Can you send me the sign up link?"
recording recording-02 en-us+f3 en-gb+m3 \
  "Northwind sales, speaking." \
  "Hi, I'm calling about the quote you sent to our office last week." \
  "Sure, which company is this?" \
  "Greenfield Dental, in Austin. We'd like to add two more seats."
recording recording-03 en-us+m1 en-us+f4 \
  "Hello, Northwind, how can I help?" \
  "I'm looking for whoever handles enterprise pricing." \
  "That's me. How many seats are you thinking about?" \
  "Around two hundred, starting next quarter."

# ---- Images -------------------------------------------------------------------------------------

# photo IN OUT: the look of a phone photo (a little grain and softness) as a JPEG.
photo() {
  $IM "$1" -attenuate 0.35 +noise Gaussian -blur 0x0.4 -strip -sampling-factor 4:2:0 -quality 78 "$2"
}

# thumb IN OUT: the 160 px wide preview Close serves as thumbnail_url.
thumb() {
  $IM "$1" -strip -thumbnail 160x -quality 80 "$2"
}

# mms-01: a delivered shipment, a cardboard box with a label on a warehouse floor.
$IM -size 640x480 gradient:'#d9d4cc'-'#a79f92' \
  -fill '#8c8478' -draw 'rectangle 0,330 640,480' \
  -fill '#00000055' -draw 'ellipse 330,420 210,28 0,360' \
  -fill '#c4904f' -draw 'polygon 150,190 470,190 500,410 170,410' \
  -fill '#d9a764' -draw 'polygon 150,190 470,190 440,140 190,140' \
  -fill '#a8763d' -draw 'polygon 470,190 500,410 540,360 510,150 440,140' \
  -fill '#e8d9b0' -draw 'rectangle 300,140 340,410' \
  -fill white -draw 'rectangle 200,250 290,330' \
  -fill black -font DejaVu-Sans-Mono -pointsize 11 \
  -annotate +206+266 'SHIP TO:' -annotate +206+281 'Acme Logistics' -annotate +206+296 'Dock 4' \
  -draw 'rectangle 206,305 284,324' -fill white -draw 'line 212,305 212,324 line 220,305 220,324 line 231,305 231,324 line 247,305 247,324 line 262,305 262,324 line 275,305 275,324' \
  "$WORK/mms-01.png"
photo "$WORK/mms-01.png" "$OUT/mms-01.jpg"

# mms-02: a restaurant receipt on a wooden table.
$IM -size 300x470 xc:'#fbfaf5' -fill '#2b2b2b' -font DejaVu-Sans-Mono -pointsize 14 \
  -annotate +70+40 'HARBOR GRILL' -pointsize 11 \
  -annotate +60+62 '22 Pier St, Boston MA' -annotate +20+100 'Table 7        Server: Jo' \
  -annotate +20+130 '2 x Lobster roll     58.00' -annotate +20+150 '1 x Clam chowder     12.50' \
  -annotate +20+170 '3 x Iced tea          9.00' -annotate +20+190 '1 x Key lime pie      8.50' \
  -annotate +20+225 'Subtotal             88.00' -annotate +20+245 'Tax 7%                6.16' \
  -annotate +20+265 'Tip                  17.60' -pointsize 14 -annotate +20+300 'TOTAL $111.76' \
  -pointsize 11 -annotate +20+340 'VISA **** 4417' -annotate +20+360 'AUTH 00812C' \
  -annotate +55+420 'Thank you! Come again' "$WORK/receipt.png"
$IM -size 640x480 xc:'#7a4e2d' -attenuate 0.8 +noise Multiplicative -motion-blur 0x25+0 \
  \( "$WORK/receipt.png" -background none -rotate -6 \( +clone -background '#00000080' -shadow 60x6+8+8 \) +swap -background none -layers merge +repage \) \
  -gravity center -geometry +10+0 -composite "$WORK/mms-02.png"
photo "$WORK/mms-02.png" "$OUT/mms-02.jpg"

# mms-03: a whiteboard sketch of a rollout plan.
$IM -size 640x480 xc:'#f4f6f7' -fill none -stroke '#9aa3a8' -strokewidth 14 -draw 'rectangle 0,0 639,479' \
  -stroke '#1f5fbf' -strokewidth 4 -draw 'roundrectangle 40,90 200,170 12,12' \
  -draw 'roundrectangle 240,90 400,170 12,12' -draw 'roundrectangle 440,90 600,170 12,12' \
  -stroke '#c0392b' -draw 'line 200,130 240,130' -draw 'line 400,130 440,130' \
  -draw 'polygon 232,122 242,130 232,138' -draw 'polygon 432,122 442,130 432,138' \
  -stroke none -fill '#1f5fbf' -font Z003-MediumItalic -pointsize 40 -annotate +180+60 'Q3 rollout plan' \
  -pointsize 26 -annotate +70+140 'Pilot' -annotate +265+140 'Training' -annotate +470+140 'Go live' \
  -fill '#2e7d32' -pointsize 24 -annotate +50+230 '- 20 seats in Ops first' \
  -annotate +50+270 '- import leads from old CRM' -annotate +50+310 '- SSO before go-live!' \
  -fill '#c0392b' -annotate +50+370 'Budget: $48k / yr   (ask Dana)' \
  -stroke '#c0392b' -strokewidth 3 -fill none -draw 'ellipse 300,362 128,28 0,360' \
  "$WORK/mms-03.png"
photo "$WORK/mms-03.png" "$OUT/mms-03.jpg"

# mms-04: a bar chart (a screenshot, so PNG).
$IM -size 640x400 xc:white -fill '#222' -font DejaVu-Sans-Bold -pointsize 20 \
  -annotate +24+38 'Orders per month (units)' -font DejaVu-Sans -pointsize 13 -fill '#666' \
  -stroke '#e3e3e3' -draw 'line 60,320 620,320 line 60,260 620,260 line 60,200 620,200 line 60,140 620,140 line 60,80 620,80' \
  -stroke none -annotate +20+324 '0' -annotate +12+264 '250' -annotate +12+204 '500' -annotate +12+144 '750' -annotate +6+84 '1000' \
  -fill '#4c7be0' -draw 'rectangle 80,262 140,320 rectangle 170,230 230,320 rectangle 260,214 320,320 rectangle 350,170 410,320 rectangle 440,150 500,320' \
  -fill '#f39c12' -draw 'rectangle 530,104 590,320' \
  -fill '#444' -annotate +95+342 'Jan' -annotate +185+342 'Feb' -annotate +275+342 'Mar' \
  -annotate +365+342 'Apr' -annotate +455+342 'May' -annotate +535+342 'Jun (fc)' \
  -fill '#888' -annotate +24+385 'Source: ERP export, 3 Jun' -strip "$WORK/mms-04.png"
$IM "$WORK/mms-04.png" -strip -define png:compression-level=9 "$OUT/mms-04.png"

# mms-05: a business card lying on a desk.
$IM -size 420x240 xc:'#fdfdfb' -fill '#0f4c81' -draw 'rectangle 0,0 14,240' \
  -font DejaVu-Sans-Bold -pointsize 24 -annotate +40+70 'Sofia Alvarez' \
  -font DejaVu-Sans -pointsize 15 -fill '#555' -annotate +40+96 'Director of Guest Experience' \
  -fill '#0f4c81' -font DejaVu-Sans-Bold -pointsize 17 -annotate +40+150 'PINECREST HOTELS' \
  -font DejaVu-Sans -pointsize 13 -fill '#333' -annotate +40+182 '+1 303-555-0117' \
  -annotate +40+202 'sofia.alvarez@pinecrest-hotels.example' "$WORK/card.png"
$IM -size 640x480 gradient:'#3b3f45'-'#23262a' \
  -fill '#b9b2a3' -draw 'rectangle 430,300 640,480' -fill '#d8d2c4' -draw 'rectangle 440,310 640,480' \
  \( "$WORK/card.png" -background none -rotate 8 \( +clone -background '#00000099' -shadow 70x8+10+12 \) +swap -background none -layers merge +repage \) \
  -gravity center -geometry -30-20 -composite "$WORK/mms-05.png"
photo "$WORK/mms-05.png" "$OUT/mms-05.jpg"

# mms-06: a store shelf with the product display the customer set up.
$IM -size 640x480 gradient:'#f2efe8'-'#d6d0c4' \
  -fill '#6d4c33' -draw 'rectangle 40,150 600,162 rectangle 40,290 600,302 rectangle 40,430 600,442' \
  -fill '#e74c3c' -draw 'rectangle 70,70 140,150 rectangle 150,80 220,150' \
  -fill '#3498db' -draw 'rectangle 240,60 320,150 rectangle 330,60 410,150' \
  -fill '#27ae60' -draw 'rectangle 430,90 500,150 rectangle 510,90 580,150' \
  -fill '#f1c40f' -draw 'rectangle 70,210 160,290 rectangle 170,210 260,290 rectangle 270,210 360,290' \
  -fill '#9b59b6' -draw 'rectangle 380,230 450,290 rectangle 460,230 530,290' \
  -fill '#ecf0f1' -draw 'rectangle 80,350 300,430' -fill '#e67e22' -draw 'rectangle 320,340 580,430' \
  -fill white -font DejaVu-Sans-Bold -pointsize 19 -annotate +338+394 'NEW: Sakura Matcha' \
  -fill '#333' -pointsize 16 -annotate +95+385 'Display #3 - aisle 12' -annotate +95+410 'installed 9:40am' \
  "$WORK/mms-06.png"
photo "$WORK/mms-06.png" "$OUT/mms-06.jpg"

# mms-07: a screenshot of an error the customer hit (PNG).
$IM -size 600x360 xc:'#f5f6f8' -fill white -stroke '#d0d4da' -draw 'roundrectangle 60,60 540,300 10,10' \
  -stroke none -fill '#d93025' -draw 'circle 110,120 128,120' -fill white -font DejaVu-Sans-Bold -pointsize 24 -annotate +103+129 '!' \
  -fill '#202124' -pointsize 20 -annotate +145+128 'Export failed' \
  -font DejaVu-Sans -pointsize 15 -fill '#5f6368' -annotate +90+175 'Error 502: the report could not be generated.' \
  -annotate +90+200 'Request ID 7f3a-91c2. Please try again later.' \
  -fill '#1a73e8' -draw 'roundrectangle 400,240 520,280 6,6' -fill white -font DejaVu-Sans-Bold -pointsize 15 -annotate +437+266 'Retry' \
  -strip "$WORK/mms-07.png"
$IM "$WORK/mms-07.png" -strip -define png:compression-level=9 "$OUT/mms-07.png"

for f in mms-01.jpg mms-02.jpg mms-03.jpg mms-05.jpg mms-06.jpg; do thumb "$OUT/$f" "$OUT/${f%.jpg}-thumb.jpg"; done
for f in mms-04.png mms-07.png; do thumb "$OUT/$f" "$OUT/${f%.png}-thumb.png"; done

# ---- Documents ----------------------------------------------------------------------------------

# quote.pdf: a one-page quote with real text (ImageMagick's policy here refuses to write PDF, so
# the few PDF objects are written directly; Python computes the cross-reference offsets).
python3 - "$OUT/quote.pdf" <<'PY'
import sys
lines = [
    ("F2", 22, 50, 730, "QUOTE  Q-2041"),
    ("F1", 12, 50, 705, "Harbor Freight Partners - PO number pending"),
    ("F2", 12, 50, 660, "Item"), ("F2", 12, 380, 660, "Qty"), ("F2", 12, 470, 660, "Amount"),
    ("F1", 12, 50, 635, "Northwind Growth plan (annual)"), ("F1", 12, 385, 635, "25"), ("F1", 12, 470, 635, "$27,000"),
    ("F1", 12, 50, 612, "Onboarding package"), ("F1", 12, 385, 612, "1"), ("F1", 12, 470, 612, "$2,500"),
    ("F1", 12, 50, 589, "Premium support"), ("F1", 12, 385, 589, "1"), ("F1", 12, 470, 589, "$3,000"),
    ("F2", 12, 380, 550, "Total"), ("F2", 12, 470, 550, "$32,500"),
    ("F1", 9, 50, 60, "Valid for 30 days. Prices in USD, excluding tax. Northwind Demo Inc."),
]
content = "0.06 0.3 0.5 RG 1 w 50 675 m 562 675 l S\n" + "".join(
    f"BT /{f} {size} Tf {x} {y} Td ({text}) Tj ET\n" for f, size, x, y, text in lines)
objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
    "/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
    f"<< /Length {len(content)} >>\nstream\n{content}endstream",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
]
out = "%PDF-1.4\n"
offsets = []
for i, body in enumerate(objects, 1):
    offsets.append(len(out))
    out += f"{i} 0 obj\n{body}\nendobj\n"
xref = len(out)
out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n"
out += "".join(f"{o:010d} 00000 n \n" for o in offsets)
out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
open(sys.argv[1], "w", encoding="latin-1").write(out)
PY

# contact.vcf: a contact card, as phones send it.
cat >"$OUT/contact.vcf" <<'VCF'
BEGIN:VCARD
VERSION:3.0
N:Okafor;Nnamdi;;;
FN:Nnamdi Okafor
ORG:Greenfield Dental
TITLE:Practice Manager
TEL;TYPE=CELL:+15125550163
EMAIL;TYPE=WORK:nnamdi.okafor@greenfield-dental.example
END:VCARD
VCF

ls -l "$OUT"
du -sh "$OUT"
