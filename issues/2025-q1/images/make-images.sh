#!/usr/bin/env bash
# make-images.sh — generates every sample illustration for Bản tin 2025-Q1.
#
# Everything is drawn from scratch with ImageMagick 6 (`convert`): vector
# primitives (MVG), gradients and seeded noise only — nothing is downloaded.
# The script is rerunnable and deterministic (fixed -seed, single thread,
# metadata stripped), so running it twice yields byte-identical files.
#
# Usage:  bash make-images.sh            # writes all images next to this script
#         bash make-images.sh cover      # only selected images
#
# Output conventions: opaque sRGB, 8 bits/channel, no metadata.
#   JPEG: baseline, quality 85, 4:2:0 chroma subsampling.
#   PNG : 8-bit truecolour RGB (PNG24).
set -euo pipefail

OUT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
FONT_R=/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf
FONT_B=/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf

command -v convert >/dev/null || { echo "ImageMagick 6 (convert) is required: apt-get install -y imagemagick" >&2; exit 1; }
for f in "$FONT_R" "$FONT_B"; do [[ -r $f ]] || { echo "missing font: $f" >&2; exit 1; }; done

# Determinism: one thread (seeded random ops are then reproducible), fixed locale.
export MAGICK_THREAD_LIMIT=1 LC_ALL=C

JPEG_OPTS=(-alpha off -colorspace sRGB -depth 8 -strip -interlace none
           -sampling-factor 4:2:0 -quality 85)
PNG_OPTS=(-alpha off -colorspace sRGB -depth 8 -strip
          -define png:exclude-chunks=date,time -define png:color-type=2)

# ---------------------------------------------------------------------------
# 1. cover.jpg — 2551×3579 (A4 + 3 mm bleed @ 300 ppi). No text.
# ---------------------------------------------------------------------------
make_cover() {
  local W=2551 H=3579
  local scene river glow
  # Layered hills (sum-of-sines ridgelines), trees, wind turbines,
  # circuit traces etched into the mid hills, foreground leaves.
  scene=$(awk -v W=$W -v H=$H '
    function ridge(base,a1,l1,p1,a2,l2,p2,x){ return base + a1*sin(6.2832*x/l1+p1) + a2*sin(6.2832*x/l2+p2) }
    function layer(col,base,a1,l1,p1,a2,l2,p2,   x,s){
      s = "stroke none fill " col " polygon"
      for (x = -10; x <= W+10; x += 10) s = s sprintf(" %d,%.1f", x, ridge(base,a1,l1,p1,a2,l2,p2,x))
      s = s sprintf(" %d,%d %d,%d", W+10, H+10, -10, H+10)
      print s
    }
    function tree(x,y,r,col,trunk){
      printf "fill %s rectangle %.1f,%.1f %.1f,%.1f\n", trunk, x-r*0.09, y-r*1.2, x+r*0.09, y+r*0.3
      printf "fill %s ellipse %.1f,%.1f %.1f,%.1f 0,360\n", col, x, y-r*1.45, r*0.62, r
    }
    function turbine(x,y,h,a,   i,t,bx,by){
      printf "stroke #f4f8f4 stroke-width %.1f stroke-linecap round line %.1f,%.1f %.1f,%.1f\n", h*0.035, x, y, x, y-h
      for (i = 0; i < 3; i++) {
        t = (a + i*120) * 3.14159/180
        bx = x + h*0.42*cos(t); by = y-h + h*0.42*sin(t)
        printf "stroke-width %.1f line %.1f,%.1f %.1f,%.1f\n", h*0.03, x, y-h, bx, by
      }
      printf "stroke none fill #f4f8f4 circle %.1f,%.1f %.1f,%.1f\n", x, y-h, x+h*0.035, y-h
    }
    BEGIN {
      # far → near
      layer("#d3e8dd", 1905, 55, 1900, 0.6, 30, 700, 2.0)
      layer("#b5d8c8", 2060, 70, 1500, 2.3, 28, 610, 0.4)
      for (i = 0; i < 3; i++) { x = 1860 + i*190; turbine(x, ridge(2060,70,1500,2.3,28,610,0.4,x)+8, 300 - i*30, 18 + i*37) }
      x = 420; turbine(x, ridge(2060,70,1500,2.3,28,610,0.4,x)+8, 220, 63)
      layer("#93c6b0", 2270, 80, 1700, 4.1, 30, 520, 1.1)
      for (i = 0; i < 9; i++) { x = 120 + i*58 + (i%3)*13; tree(x, ridge(2270,80,1700,4.1,30,520,1.1,x)+18, 40+(i%4)*7, "#6fae95", "#5f9b84") }
      for (i = 0; i < 7; i++) { x = 1650 + i*63 + (i%2)*17; tree(x, ridge(2270,80,1700,4.1,30,520,1.1,x)+18, 38+(i%3)*8, "#6fae95", "#5f9b84") }
      layer("#6cae95", 2560, 95, 2100, 0.9, 35, 640, 3.0)
      layer("#4a947d", 2900, 110, 2300, 2.6, 40, 800, 0.2)
      for (i = 0; i < 4; i++) { x = 2290 + i*78 + (i%2)*14; tree(x, ridge(2900,110,2300,2.6,40,800,0.2,x)+25, 70+(i%3)*12, "#2f7a66", "#2a6e5c") }
      for (i = 0; i < 3; i++) { x = 70 + i*90; tree(x, ridge(2900,110,2300,2.6,40,800,0.2,x)+25, 66+(i%2)*14, "#2f7a66", "#2a6e5c") }
    }')

  # Meandering river: centre line + widening half-width (perspective).
  river=$(awk -v W=$W -v H=$H 'BEGIN{
      y0 = 2215; n = 120
      for (i = 0; i <= n; i++) { t = i/n; y[i] = y0 + (H+40-y0)*t
        xc[i] = 1215 + 330*t*sin(3.0*3.14159*t) ; hw[i] = 6 + 470*t^2.1 }
      s = "polygon"
      for (i = 0; i <= n; i++) s = s sprintf(" %.1f,%.1f", xc[i]-hw[i], y[i])
      for (i = n; i >= 0; i--) s = s sprintf(" %.1f,%.1f", xc[i]+hw[i], y[i])
      print s
    }')
  local ripples
  ripples=$(awk -v H=$H 'BEGIN{
      y0 = 2215
      print "stroke #ffffff stroke-opacity 0.55 stroke-linecap round fill none"
      for (k = 0; k < 26; k++) { t = 0.12 + 0.85*k/26; y = y0 + (H+40-y0)*t
        xc = 1215 + 330*t*sin(3.0*3.14159*t); hw = 6 + 470*t^2.1
        off = (k%3 - 1) * hw * 0.35; len = hw * (0.25 + 0.2*((k*7)%5)/5)
        printf "stroke-width %.1f line %.1f,%.1f %.1f,%.1f\n", 2 + 8*t, xc+off-len/2, y, xc+off+len/2, y }
    }')

  # Circuit traces on the mid hills + foreground hills + leaves (drawn over river).
  local front
  front=$(awk -v W=$W -v H=$H '
    function trace(x,y,segs,   i,n,dx,dy,s){
      # segs: "dx,dy dx,dy ..." relative moves; node rings at both ends
      n = split(segs, a, " ")
      s = sprintf("path \x27M %.1f,%.1f", x, y)
      printf "push graphic-context fill none stroke #9fd3bd stroke-opacity 0.55 stroke-width 7 stroke-linejoin round circle %.1f,%.1f %.1f,%.1f\n", x, y, x+15, y
      for (i = 1; i <= n; i++) { split(a[i], d, ","); x += d[1]; y += d[2]; s = s sprintf(" L %.1f,%.1f", x, y) }
      print s "\x27"
      printf "circle %.1f,%.1f %.1f,%.1f\npop graphic-context\n", x, y, x+15, y
    }
    function leaf(x,y,len,ang,col,vein){
      printf "push graphic-context translate %.1f,%.1f rotate %.1f\n", x, y, ang
      printf "stroke none fill %s path \x27M 0,0 C %.1f,%.1f %.1f,%.1f %.1f,0 C %.1f,%.1f %.1f,%.1f 0,0 Z\x27\n", col, len*0.25,-len*0.36, len*0.7,-len*0.34, len, len*0.7,len*0.34, len*0.25,len*0.36
      printf "fill none stroke %s stroke-width %.1f stroke-linecap round line 0,0 %.1f,0\n", vein, len*0.018, len*0.9
      printf "pop graphic-context\n"
    }
    BEGIN {
      trace( 400, 2705, "200,0 60,-60 250,0")
      trace( 560, 2960, "160,0 60,-60 110,0")
      trace(1650, 2700, "220,0 80,80 300,0")
      trace(1560, 2890, "260,0 60,-60 260,0")
      trace(1960, 3110, "160,0 60,60 250,0")
      # foreground banks (overlap the river edges)
      printf "stroke none fill #2b7565 path \x27M -10,3240 C 300,3150 620,3170 860,3330 C 960,3400 1010,3480 1040,3600 L -10,3600 Z\x27\n"
      printf "fill #2b7565 path \x27M 2570,3180 C 2300,3140 2020,3190 1850,3330 C 1760,3410 1720,3500 1700,3600 L 2570,3600 Z\x27\n"
      leaf( -40, 3560, 620, -52, "#1f5f52", "#4d9a7f")
      leaf(  60, 3600, 520, -28, "#27705c", "#5fae8e")
      leaf( 200, 3600, 430, -72, "#347f63", "#74bf98")
      leaf(2600, 3560, 600, -128, "#1f5f52", "#4d9a7f")
      leaf(2500, 3600, 470, -152, "#27705c", "#5fae8e")
      leaf(2380, 3600, 400, -104, "#347f63", "#74bf98")
    }')

  convert -respect-parentheses -size ${W}x${H} gradient:'#f6f8f1-#d6ebe2' \
    \( -size ${W}x${H} xc:none -fill '#fbe7b7' -draw "circle 1760,1760 1760,1320" -blur 0x160 \) -compose over -composite \
    -fill '#f7dc9c' -draw "circle 1760,1790 1760,1590" \
    \( -size ${W}x${H} xc:none -fill none -stroke '#ffffff' -strokewidth 9 -draw "stroke-opacity 0.6 path 'M 300,1500 C 420,1440 520,1470 640,1430' path 'M 560,1580 C 650,1540 760,1560 850,1525'" \) -compose over -composite \
    -draw "$scene" \
    \( -size ${W}x${H} gradient:'#eef7f3-#a8d3cf' \
       \( -size ${W}x${H} xc:black -fill white -draw "$river" \) -alpha off -compose CopyOpacity -composite \) -compose over -composite \
    -draw "$ripples" -draw "$front" \
    \( -size ${W}x${H} xc:gray50 -seed 2025 +noise Gaussian -colorspace gray -blur 0x1 -evaluate multiply 1 \) -compose soft-light -composite \
    "${JPEG_OPTS[@]}" -units PixelsPerInch -density 300 "$OUT/cover.jpg"
}

# ---------------------------------------------------------------------------
# 2. hoi-nghi.jpg — 1500×1000: conference hall, red banner, lectern, audience.
# ---------------------------------------------------------------------------
make_hoinghi() {
  local W=1500 H=1000 hall audience
  hall=$(awk -v W=$W '
    function curtain(x0,x1,   x,i,n,w){
      printf "fill #8a1f25 rectangle %d,0 %d,640\n", x0, x1
      n = 5; w = (x1-x0)/n
      for (i = 0; i < n; i++) { x = x0 + i*w
        printf "fill #a3272d rectangle %.1f,0 %.1f,640\n", x+w*0.18, x+w*0.52
        printf "fill #741a1f rectangle %.1f,0 %.1f,640\n", x+w*0.78, x+w*0.92 }
    }
    function person(x,y,r,shirt,hair,skin){   # seated/standing figure, front view
      printf "fill %s roundrectangle %.1f,%.1f %.1f,%.1f %.1f,%.1f\n", shirt, x-2.0*r, y+1.15*r, x+2.0*r, y+5*r, r*0.9, r*0.9
      printf "fill %s rectangle %.1f,%.1f %.1f,%.1f\n", skin, x-0.32*r, y+0.6*r, x+0.32*r, y+1.3*r
      printf "fill %s circle %.1f,%.1f %.1f,%.1f\n", skin, x, y, x+r, y
      printf "fill %s path \x27M %.1f,%.1f C %.1f,%.1f %.1f,%.1f %.1f,%.1f C %.1f,%.1f %.1f,%.1f %.1f,%.1f Z\x27\n", hair, x-r*1.04, y+r*0.1, x-r*1.1, y-r*1.35, x+r*1.1, y-r*1.35, x+r*1.04, y+r*0.1, x+r*0.8, y-r*0.45, x-r*0.8, y-r*0.45, x-r*1.04, y+r*0.1
    }
    BEGIN {
      print "stroke none"
      # backdrop panel behind the stage, with soft vertical panelling
      print "fill #e8c99b rectangle 150,30 1350,600"
      for (x = 150; x < 1350; x += 100) printf "fill #e1bf8e rectangle %d,30 %d,600\n", x+96, x+100
      # top valance with scallops
      print "fill #8a1f25 rectangle 0,0 1500,34"
      for (x = 0; x < 1500; x += 75) printf "fill #8a1f25 ellipse %d,34 38,24 0,180\n", x+37
      curtain(0,150); curtain(1350,1500)
      print "fill #8a1f25 rectangle 0,0 1500,30"
      # banner
      print "fill #c1272d rectangle 240,92 1260,222"
      print "fill #a91f26 rectangle 240,222 1260,230"
      # stage: top surface + front face
      print "fill #c68a52 rectangle 0,585 1500,618"
      print "fill #98602f rectangle 0,618 1500,676"
      for (x = 0; x < 1500; x += 125) printf "fill #8c5729 rectangle %d,618 %d,676\n", x, x+3
      # officials at the head table
      person(420,418,26,"#2f3b52","#241c18","#e7b98e")
      person(535,414,26,"#f2efe8","#2e241f","#dcae85")
      person(650,418,26,"#3b4a63","#8e8781","#e4b48a")
      person(765,414,26,"#7a2f3a","#241c18","#e9bd94")
      # head table with green cloth and a flower arrangement
      print "fill #2e7a5c rectangle 330,480 870,590"
      print "fill #3f9270 rectangle 330,480 870,494"
      print "fill #27694f rectangle 330,578 870,590"
      print "fill #3f7f4a ellipse 600,482 78,26 180,360"
      print "fill #4f9a5a ellipse 566,484 40,16 180,360"
      print "fill #4f9a5a ellipse 636,484 40,16 180,360"
      for (i = 0; i < 11; i++) { a = 3.14159*(0.08 + 0.84*i/10); fx = 600 - 64*cos(a); fy = 482 - 20*sin(a) - (i%2)*5
        printf "fill %s circle %.1f,%.1f %.1f,%.1f\n", (i%3==0?"#f2c14e":(i%3==1?"#e4574d":"#fbeedd")), fx, fy, fx+7.5, fy }
      for (i = 0; i < 5; i++) { fx = 572 + i*14; fy = 470 - (i%2)*6
        printf "fill %s circle %.1f,%.1f %.1f,%.1f\n", (i%2?"#e4574d":"#f2c14e"), fx, fy, fx+7, fy }
      # speaker behind lectern
      person(1080,352,27,"#2a3447","#211a16","#e2b188")
      # lectern
      print "fill #7b4a27 polygon 1015,438 1145,438 1130,592 1030,592"
      print "fill #9a6337 rectangle 1005,428 1155,446"
      printf "fill #f2c14e circle 1080,505 1080,485\n"
      print "fill #c1272d circle 1080,505 1080,495"
      print "stroke #2b2b2b stroke-width 4 fill none path \x27M 1100,430 C 1102,410 1094,400 1088,392\x27 stroke none"
      print "fill #2b2b2b ellipse 1087,390 6,8 0,360"
      # flower boxes along the stage front
      for (x = 20; x < 1500; x += 70) {
        printf "fill #3f7f4a ellipse %d,620 42,22 180,360\n", x+15
        printf "fill #4f9a5a ellipse %d,616 26,16 180,360\n", x+2
        printf "fill %s circle %d,%d %d,%d\n", ((x/70)%2 ? "#f2c14e" : "#e86a4f"), x+18, 604, x+24, 604
        printf "fill %s circle %d,%d %d,%d\n", ((x/70)%2 ? "#e86a4f" : "#f7e0a3"), x-6, 610, x-1, 610
      }
    }')

  # Audience, seen from behind: 4 rows in perspective with a centre aisle.
  audience=$(awk '
    BEGIN {
      split("#f3efe6 #b9cde0 #2f3e5a #7d8088 #d8c29e #7a2e36 #4d7f86 #efe3cf #5b6b82 #c9b6d8", shirt, " ")
      split("#221b17 #33271f #1b1715 #8d8680 #2b201a #3d2d22", hair, " ")
      print "stroke none"
      nrows = 4
      for (r = 0; r < nrows; r++) {
        y = 700 + r*92 + r*r*8; rad = 20 + r*6.5; sp = rad*3.05
        off = (r%2) * sp/2
        for (x = 60 - off; x < 1500 + rad*2; x += sp) {
          if (x > 690 && x < 810) continue            # aisle
          k = int(x/sp) + r*7
          s = shirt[(k*7+r*3)%10+1]; h = hair[(k*5+r)%6+1]
          printf "fill %s roundrectangle %.1f,%.1f %.1f,%.1f %.1f,%.1f\n", s, x-1.95*rad, y+0.95*rad, x+1.95*rad, y+4.8*rad, rad*0.95, rad*0.95
          printf "fill #d9a87f rectangle %.1f,%.1f %.1f,%.1f\n", x-0.35*rad, y+0.5*rad, x+0.35*rad, y+1.1*rad
          printf "fill %s circle %.1f,%.1f %.1f,%.1f\n", h, x, y, x+rad, y
          if ((k+r)%4 == 1) printf "fill %s circle %.1f,%.1f %.1f,%.1f\n", h, x, y+rad*0.55, x+rad*0.42, y+rad*0.55   # hair bun
          # seat back in front of the person
          printf "fill #7c2a27 roundrectangle %.1f,%.1f %.1f,%.1f %.1f,%.1f\n", x-1.75*rad, y+2.6*rad, x+1.75*rad, y+6*rad, rad*0.5, rad*0.5
          printf "fill #8f3430 rectangle %.1f,%.1f %.1f,%.1f\n", x-1.55*rad, y+2.8*rad, x+1.55*rad, y+3.1*rad
        }
      }
    }')

  convert -respect-parentheses -size ${W}x${H} gradient:'#f6e7cd-#ecd3ac' \
    -draw "$hall" \
    -fill '#6e3328' -draw "rectangle 0,676 $W,$H" \
    \( -size ${W}x$((H-676)) gradient:'#7b3b2c-#5a2a22' \) -geometry +0+676 -compose over -composite \
    \( -size ${W}x${H} xc:none -fill '#fff2c9' \
       -draw "polygon 820,250 900,250 1190,600 930,600" -draw "polygon 420,250 520,250 900,600 300,600" -blur 0x40 \
       -channel A -evaluate multiply 0.45 +channel \) -compose screen -composite \
    -draw "$audience" \
    \( -size ${W}x${H} radial-gradient:'#ffffff-#e3c7a4' \) -compose multiply -composite \
    -font "$FONT_B" -pointsize 60 -fill '#fff6e8' -gravity North -annotate +0+118 'HỘI NGHỊ TỔNG KẾT NĂM 2024' -gravity NorthWest \
    \( -size ${W}x${H} xc:gray50 -seed 2401 +noise Gaussian -colorspace gray -blur 0x0.8 +level 40%,60% \) -compose soft-light -composite \
    "${JPEG_OPTS[@]}" "$OUT/hoi-nghi.jpg"
}

# ---------------------------------------------------------------------------
# 3. nha-mang.jpg — 1500×1000: white net house with melon rows, drip lines,
#    sensor pole with solar panel, blue sky. One-point perspective, V=(700,560).
# ---------------------------------------------------------------------------
make_nhamang() {
  local W=1500 H=1000 outside inside front pole
  local GABLE="M 230,910 L 230,500 C 230,420 470,335 700,330 C 930,335 1170,420 1170,500 L 1170,910 Z"
  outside=$(awk 'function cloud(x,y,s){
        printf "fill #ffffff roundrectangle %.1f,%.1f %.1f,%.1f %.1f,%.1f\n", x-70*s, y-18*s, x+90*s, y+18*s, 18*s, 18*s
        printf "circle %.1f,%.1f %.1f,%.1f\n", x-20*s, y-14*s, x-20*s+34*s, y-14*s
        printf "circle %.1f,%.1f %.1f,%.1f\n", x+30*s, y-22*s, x+30*s+44*s, y-22*s
      }
      BEGIN { print "stroke none"
        cloud(190,150,1.3); cloud(1210,110,1.0); cloud(930,240,0.7); cloud(1400,300,0.6)
        print "fill #b7dcc4 path \x27M 0,560 C 180,470 330,480 520,540 C 700,470 900,460 1100,530 C 1260,480 1400,490 1500,520 L 1500,600 L 0,600 Z\x27"
        print "fill #9fcfa9 path \x27M 0,575 C 250,530 520,545 760,575 C 1000,540 1250,535 1500,565 L 1500,620 L 0,620 Z\x27"
        # grass + apron in front of the door
        print "fill #8cc46b rectangle 0,590 1500,1000"
        print "fill #7fb861 path \x27M 0,700 C 300,680 500,720 760,700 C 1000,680 1250,720 1500,690 L 1500,1000 L 0,1000 Z\x27"
        print "fill #74ad58 path \x27M 0,860 C 300,840 600,880 900,860 C 1150,845 1350,870 1500,850 L 1500,1000 L 0,1000 Z\x27"
        print "fill #d9d3c3 polygon 420,910 980,910 1080,1000 320,1000"
        print "fill #6e9f54 ellipse 700,915 480,14 0,360"
      }')

  inside=$(awk 'BEGIN {
      Vx = 700; Vy = 560; G = 910; sb = 0.42; n = 11
      print "stroke none"
      # interior film, side walls, back wall
      print "fill #f3f8f6 path \x27M 230,910 L 230,500 C 230,420 470,335 700,330 C 930,335 1170,420 1170,500 L 1170,910 Z\x27"
      printf "fill #e4efe9 polygon 230,910 230,500 %.1f,%.1f %.1f,%.1f\n", Vx+(230-Vx)*sb, Vy+(500-Vy)*sb, Vx+(230-Vx)*sb, Vy+(G-Vy)*sb
      printf "fill #e4efe9 polygon 1170,910 1170,500 %.1f,%.1f %.1f,%.1f\n", Vx+(1170-Vx)*sb, Vy+(500-Vy)*sb, Vx+(1170-Vx)*sb, Vy+(G-Vy)*sb
      printf "fill #d6e9dc polygon %.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\n", Vx+(230-Vx)*sb, Vy+(G-Vy)*sb, Vx+(230-Vx)*sb, Vy+(500-Vy)*sb, Vx+(1170-Vx)*sb, Vy+(500-Vy)*sb, Vx+(1170-Vx)*sb, Vy+(G-Vy)*sb
      # roof ribs and wall posts at equal 3-D spacing
      print "fill none stroke #cdd8d6 stroke-width 3 stroke-linejoin round"
      for (i = 0; i <= 6; i++) { s = 1/(1 + (1/sb-1)*i/6)
        x1 = Vx+(230-Vx)*s; x2 = Vx+(1170-Vx)*s; ye = Vy+(500-Vy)*s; ya = Vy+(330-Vy)*s; yg = Vy+(G-Vy)*s
        printf "stroke-width %.1f path \x27M %.1f,%.1f L %.1f,%.1f C %.1f,%.1f %.1f,%.1f %.1f,%.1f C %.1f,%.1f %.1f,%.1f %.1f,%.1f L %.1f,%.1f\x27\n", 2+3*s, x1,yg, x1,ye, x1,Vy+(420-Vy)*s, Vx+(470-Vx)*s,Vy+(335-Vy)*s, Vx,ya, Vx+(930-Vx)*s,Vy+(335-Vy)*s, x2,Vy+(420-Vy)*s, x2,ye, x2,yg
      }
      print "stroke none"
      # floor and four mulched beds converging to V
      printf "fill #cbb68c polygon 230,910 1170,910 %.1f,%.1f %.1f,%.1f\n", Vx+(1170-Vx)*sb, Vy+(G-Vy)*sb, Vx+(230-Vx)*sb, Vy+(G-Vy)*sb
      split("330 560 840 1070", rx, " ")
      for (r = 1; r <= 4; r++) { a = rx[r]-55; b = rx[r]+55
        printf "fill #6d7574 polygon %.1f,910 %.1f,910 %.1f,%.1f %.1f,%.1f\n", a, b, Vx+(b-Vx)*sb, Vy+(G-Vy)*sb, Vx+(a-Vx)*sb, Vy+(G-Vy)*sb
        printf "fill #848d8b polygon %.1f,910 %.1f,910 %.1f,%.1f %.1f,%.1f\n", a, a+14, Vx+(a+14-Vx)*sb, Vy+(G-Vy)*sb, Vx+(a-Vx)*sb, Vy+(G-Vy)*sb
        # overhead trellis wire
        printf "stroke #9aa5a3 stroke-width 2 line %.1f,%.1f %.1f,%.1f stroke none\n", rx[r], Vy+(520-Vy), Vx+(rx[r]-Vx)*sb, Vy+(520-Vy)*sb
      }
      # drip lines (black PE pipe) along each bed
      for (r = 1; r <= 4; r++) { x0 = rx[r]-16
        printf "stroke #252b2b stroke-width 3.5 line %.1f,%.1f %.1f,%.1f stroke none\n", x0, 906, Vx+(x0-Vx)*sb, Vy+(G-6-Vy)*sb }
      # plants, far to near
      for (i = n-1; i >= 0; i--) { s = 1/(1 + (1/sb-1)*(i+0.45)/n)
        for (r = 1; r <= 4; r++) {
          bx = Vx + (rx[r]-Vx)*s; by = Vy + (G-Vy)*s - 12*s; h = 300*s; top = by - h
          # drip line + emitter
          printf "fill #1f6fb2 circle %.1f,%.1f %.1f,%.1f\n", bx-16*s, by+6*s, bx-16*s+3.2*s, by+6*s
          printf "stroke #9aa5a3 stroke-width %.1f line %.1f,%.1f %.1f,%.1f\n", 1+s, bx, top, bx, Vy+(520-Vy)*s
          printf "stroke #3f7a34 stroke-width %.1f line %.1f,%.1f %.1f,%.1f stroke none\n", 2+2.5*s, bx, by, bx, top+6*s
          for (j = 0; j < 7; j++) { ly = by - h*(0.1 + j*0.135); side = (j%2 ? 1 : -1)
            col = (j%3==0 ? "#4c9a42" : (j%3==1 ? "#5daf4f" : "#3f873a"))
            printf "push graphic-context translate %.1f,%.1f rotate %d fill %s ellipse 0,0 %.1f,%.1f 0,360 pop graphic-context\n", bx+side*17*s, ly, side*22, col, 24*s, 13*s
          }
          printf "fill #6cbf57 ellipse %.1f,%.1f %.1f,%.1f 0,360\n", bx, top+8*s, 15*s, 12*s
          if ((i+r)%3 != 2) {   # hanging melon
            my = by - h*0.42; mx = bx + 9*s
            printf "stroke #c7cfb9 stroke-width %.1f line %.1f,%.1f %.1f,%.1f stroke none\n", 1+s*0.6, mx, my-40*s, mx, my-16*s
            printf "fill #d5dd92 ellipse %.1f,%.1f %.1f,%.1f 0,360\n", mx, my, 15*s, 17*s
            printf "fill none stroke #eef2c8 stroke-width %.1f ellipse %.1f,%.1f %.1f,%.1f 0,360 line %.1f,%.1f %.1f,%.1f stroke none\n", 0.6+0.8*s, mx, my, 8*s, 16*s, mx-14*s, my, mx+14*s, my
          }
        }
      }
    }')

  # Net panels / film of the front gable and structure lines (drawn over the interior).
  front=$(cat <<'MVG'
stroke none
fill rgba(255,255,255,0.55) rectangle 230,500 420,910
fill rgba(255,255,255,0.55) rectangle 980,500 1170,910
fill rgba(252,253,253,0.93) path 'M 230,500 C 230,420 470,335 700,330 C 930,335 1170,420 1170,500 Z'
fill rgba(252,253,253,0.93) rectangle 230,498 1170,560
fill #dfe5e4 roundrectangle 412,552 988,578 13,13
fill #eef2f1 roundrectangle 412,552 988,566 10,10
fill none stroke #c3cccb stroke-width 10 stroke-linejoin round
path 'M 230,912 L 230,500 C 230,420 470,335 700,330 C 930,335 1170,420 1170,500 L 1170,912'
stroke-width 6 line 230,500 1170,500 line 420,500 420,912 line 980,500 980,912
stroke-width 3 stroke #d3dbda line 325,500 325,912 line 1075,500 1075,912 line 230,705 420,705 line 980,705 1170,705
stroke-width 4 line 700,330 700,498 line 465,380 465,498 line 935,380 935,498
stroke none fill #e6ecec path 'M 640,326 L 760,326 L 748,300 L 652,300 Z'
MVG
)

  pole=$(cat <<'MVG'
stroke none
fill #6b9a50 ellipse 1335,952 70,12 0,360
fill #8c979a rectangle 1328,420 1340,952
fill #7b8588 rectangle 1318,930 1350,952
fill #5e686b polygon 1330,452 1338,452 1326,480 1318,480
fill #ccd3d6 polygon 1235,425 1405,392 1425,462 1255,497
fill #28456f polygon 1241,429 1401,398 1419,458 1259,491
fill none stroke #5d7fae stroke-width 2
line 1281,421 1299,483 line 1321,413 1339,475 line 1361,406 1379,467
line 1250,460 1410,428
stroke none
fill #f1f4f5 roundrectangle 1297,600 1371,688 8,8
fill #dfe4e6 rectangle 1297,672 1371,688
fill #2c3e50 roundrectangle 1308,612 1360,640 4,4
fill #7fe0a6 rectangle 1313,618 1334,624
fill #7fe0a6 rectangle 1313,628 1350,632
fill #33c46a circle 1313,660 1313,655
fill #f2b84b circle 1330,660 1330,655
stroke #6d777a stroke-width 4 line 1362,600 1380,548 stroke none
fill #6d777a circle 1380,546 1380,540
fill none stroke #384246 stroke-width 4 path 'M 1310,688 C 1306,760 1300,850 1296,944'
stroke none fill #384246 roundrectangle 1288,940 1304,972 4,4
MVG
)

  convert -respect-parentheses -size ${W}x${H} gradient:'#6fbbe8-#d8eff8' \
    -draw "$outside" -draw "$inside" -draw "$front" -draw "$pole" \
    \( -size ${W}x${H} xc:gray50 -seed 7301 +noise Gaussian -colorspace gray -blur 0x0.8 +level 42%,58% \) -compose soft-light -composite \
    "${JPEG_OPTS[@]}" "$OUT/nha-mang.jpg"
}

# ---------------------------------------------------------------------------
# 4. hoc-sinh.jpg — 1500×1000: science-fair booth, poster board, robot model,
#    two students and a judge. Only text: "DỰ ÁN KHKT" on the poster.
# ---------------------------------------------------------------------------
make_hocsinh() {
  local W=1500 H=1000 scene people
  scene=$(awk 'BEGIN {
      print "stroke none"
      # wall panelling, skirting and floor
      for (x = 0; x < 1500; x += 250) printf "fill #e3eaf1 rectangle %d,0 %d,800\n", x+246, x+250
      print "fill #cdbb9c rectangle 0,790 1500,1000"
      print "fill #bfac8b rectangle 0,790 1500,806"
      # bunting
      line = "fill none stroke #8a97a6 stroke-width 3 stroke-linejoin round polyline"
      for (i = 0; i <= 80; i++) { t = i / 40; seg = int(t); u = t - seg; if (seg > 1) { seg = 1; u = 1 }
        line = line sprintf(" %.1f,%.1f", -20 + 770*seg + 770*u, 40 + 80*u*(1-u)) }
      print line " stroke none"
      split("#2a9d8f #f4a261 #e9c46a #e76f51 #4d7cc0", fc, " ")
      for (i = 0; i < 24; i++) { t = (i + 0.5) / 12; seg = int(t); u = t - seg
        x = -20 + 770*seg + 770*u; y = 40 + 80*u*(1-u)
        printf "fill %s polygon %.1f,%.1f %.1f,%.1f %.1f,%.1f\n", fc[i%5+1], x-22, y-4, x+22, y+4, x-2, y+52 }
      # soft shadows
      print "fill rgba(60,45,30,0.16) ellipse 750,905 380,26 0,360"
      print "fill rgba(60,45,30,0.16) ellipse 190,948 90,14 0,360 ellipse 335,952 90,14 0,360 ellipse 1262,952 100,15 0,360"
      # tri-fold poster board
      print "fill #d9dde2 polygon 405,292 542,250 542,644 405,626"
      print "fill #d9dde2 polygon 958,250 1095,292 1095,626 958,644"
      print "fill #fbfaf6 polygon 412,296 540,258 540,636 412,620"
      print "fill #fbfaf6 polygon 960,258 1088,296 1088,620 960,636"
      print "fill #c9ced4 rectangle 538,242 962,648"
      print "fill #fffefa rectangle 546,250 954,640"
      print "fill #1f6f8b rectangle 566,266 934,334"
      # centre: pie chart + text lines + result box
      print "fill #2a9d8f path \x27M 630,418 L 630,358 A 60,60 0 0,1 687,437 Z\x27"
      print "fill #e9c46a path \x27M 630,418 L 687,437 A 60,60 0 0,1 587,460 Z\x27"
      print "fill #f4a261 path \x27M 630,418 L 587,460 A 60,60 0 0,1 630,358 Z\x27"
      print "fill #fffefa circle 630,418 630,392"
      for (i = 0; i < 5; i++) printf "fill #c4ccd3 roundrectangle 718,%d %d,%d 5,5\n", 362+i*24, 924-(i%3)*34, 371+i*24
      print "fill #e8f3f1 roundrectangle 572,500 928,620 10,10"
      for (i = 0; i < 4; i++) printf "fill #9cc9c2 roundrectangle 740,%d %d,%d 5,5\n", 516+i*20, 910-(i%2)*50, 525+i*20
      # left wing: bar chart
      print "fill #c4ccd3 polygon 428,330 520,303 520,315 428,342"
      print "stroke #7b8794 stroke-width 3 line 438,560 520,560 line 438,560 438,380 stroke none"
      split("60 95 130 170", bh, " ")
      for (i = 1; i <= 4; i++) printf "fill %s rectangle %d,%d %d,558\n", (i==4?"#e76f51":"#2a9d8f"), 442+(i-1)*19, 558-bh[i], 456+(i-1)*19
      for (i = 0; i < 2; i++) printf "fill #c4ccd3 polygon 428,%d 520,%d 520,%d 428,%d\n", 580+i*18, 573+i*18, 581+i*18, 588+i*18
      # right wing: line chart
      print "fill #c4ccd3 polygon 980,303 1072,330 1072,342 980,315"
      print "stroke #7b8794 stroke-width 3 line 985,560 1068,560 line 985,560 985,380 stroke none"
      print "fill none stroke #4d7cc0 stroke-width 5 stroke-linejoin round polyline 992,530 1012,505 1032,515 1050,460 1064,420 stroke none"
      print "fill #4d7cc0 circle 992,530 992,524 circle 1012,505 1012,499 circle 1032,515 1032,509 circle 1050,460 1050,454 circle 1064,420 1064,414"
      for (i = 0; i < 2; i++) printf "fill #c4ccd3 polygon 980,%d 1072,%d 1072,%d 980,%d\n", 573+i*18, 580+i*18, 588+i*18, 581+i*18
      # table
      print "fill #2f6f9f rectangle 420,652 1080,890"
      print "fill #3b82b5 rectangle 420,652 1080,668"
      print "fill #285f89 rectangle 420,860 1080,890"
      for (x = 480; x < 1080; x += 120) printf "fill #2b6894 rectangle %d,668 %d,860\n", x, x+4
      print "fill #f1ece2 rectangle 410,636 1090,656"
      # robot model
      print "push graphic-context translate 660,636 scale 0.82,0.82 translate -660,-636"
      print "fill #4a5560 circle 615,622 615,604 circle 705,622 705,604"
      print "fill #9aa5ae circle 615,622 615,614 circle 705,622 705,614"
      print "fill #f08a3c roundrectangle 592,548 728,614 10,10"
      print "fill #d9742d rectangle 592,596 728,604"
      print "fill #2c3e50 roundrectangle 640,562 680,584 4,4"
      print "fill #7fe0a6 rectangle 646,568 664,572"
      print "fill #8a97a6 rectangle 652,528 668,548"
      print "fill #e9edf0 roundrectangle 618,476 702,530 10,10"
      print "fill #2c3e50 circle 642,502 642,490 circle 678,502 678,490"
      print "fill #5fd3e6 circle 642,502 642,496 circle 678,502 678,496"
      print "stroke #8a97a6 stroke-width 4 line 660,476 660,452 line 728,570 756,552 line 756,552 766,566 stroke none"
      print "fill #e76f51 circle 660,448 660,440"
      print "pop graphic-context"
      # laptop with a live chart
      print "fill #3d4650 polygon 850,548 978,548 972,628 856,628"
      print "fill #eaf4fb polygon 858,556 970,556 965,620 862,620"
      print "fill none stroke #2a9d8f stroke-width 4 stroke-linejoin round polyline 870,608 892,590 912,598 934,572 956,566 stroke none"
      print "fill #c3cad1 polygon 836,628 992,628 1004,640 824,640"
      # seedling pot with a sensor probe
      print "fill #c7724a polygon 1012,596 1056,596 1050,638 1018,638"
      print "fill #6a4a3a rectangle 1012,596 1056,602"
      print "fill #4f9a46 ellipse 1024,576 14,8 200,380 ellipse 1046,572 14,8 160,340"
      print "stroke #3f7a34 stroke-width 3 line 1034,596 1034,566 stroke #5b6670 line 1050,596 1062,560 stroke none"
      print "fill #2c3e50 roundrectangle 1056,548 1074,562 3,3"
    }')

  people=$(awk '
    function P(u,v){ return sprintf("%.1f,%.1f", cx+u*sc, fy+v*sc) }
    function arm(su,sv,eu,ev,hu,hv,col,skin,sleeve){
      printf "fill none stroke %s stroke-width %.1f stroke-linecap round stroke-linejoin round polyline %s %s %s\n", skin, 26*sc, P(su,sv), P(eu,ev), P(hu,hv)
      if (sleeve == "long") printf "stroke %s stroke-width %.1f polyline %s %s %s\n", col, 30*sc, P(su,sv), P(eu,ev), P(hu-(hu-eu)*0.2,hv-(hv-ev)*0.2)
      else printf "stroke %s stroke-width %.1f line %s %s\n", col, 32*sc, P(su,sv), P(su+(eu-su)*0.55,sv+(ev-sv)*0.55)
      printf "stroke none fill %s circle %s %s\n", skin, P(hu,hv), P(hu+13,hv)
    }
    function body(shirt,bottom,skin,hair,style,   hx,hy){
      print "stroke none"
      if (style == "skirt") {
        printf "fill %s roundrectangle %s %s %.1f,%.1f\n", skin, P(-38,-170), P(-12,-12), 8*sc, 8*sc
        printf "fill %s roundrectangle %s %s %.1f,%.1f\n", skin, P(12,-170), P(38,-12), 8*sc, 8*sc
        printf "fill #ffffff rectangle %s %s rectangle %s %s\n", P(-38,-60), P(-12,-22), P(12,-60), P(38,-22)
        printf "fill %s polygon %s %s %s %s\n", bottom, P(-58,-250), P(58,-250), P(78,-135), P(-78,-135)
      } else {
        printf "fill %s roundrectangle %s %s %.1f,%.1f\n", bottom, P(-52,-250), P(-4,-14), 12*sc, 12*sc
        printf "fill %s roundrectangle %s %s %.1f,%.1f\n", bottom, P(4,-250), P(52,-14), 12*sc, 12*sc
      }
      printf "fill #2f3136 ellipse %s %.1f,%.1f 180,360 ellipse %s %.1f,%.1f 180,360\n", P(-34,-4), 32*sc, 16*sc, P(34,-4), 32*sc, 16*sc
      printf "fill %s rectangle %s %s\n", skin, P(-13,-470), P(13,-430)
      printf "fill %s roundrectangle %s %s %.1f,%.1f\n", shirt, P(-64,-445), P(64,-225), 30*sc, 30*sc
      if (style == "skirt") {
        printf "push graphic-context translate %s rotate 18 fill %s ellipse 0,0 %.1f,%.1f 0,360 pop graphic-context\n", P(-46,-462), hair, 15*sc, 42*sc
        printf "fill #e76f51 circle %s %s\n", P(-40,-500), P(-33,-500) }
      # head
      hx = cx; hy = fy - 492*sc
      printf "fill %s circle %.1f,%.1f %.1f,%.1f\n", skin, hx, hy, hx+40*sc, hy
      printf "fill %s path \x27M %.1f,%.1f C %.1f,%.1f %.1f,%.1f %.1f,%.1f C %.1f,%.1f %.1f,%.1f %.1f,%.1f Z\x27\n", hair, hx-42*sc, hy+4*sc, hx-46*sc, hy-58*sc, hx+46*sc, hy-58*sc, hx+42*sc, hy+4*sc, hx+30*sc, hy-22*sc, hx-24*sc, hy-30*sc, hx-42*sc, hy+4*sc
      printf "fill #2b2522 circle %.1f,%.1f %.1f,%.1f circle %.1f,%.1f %.1f,%.1f\n", hx-14*sc, hy+6*sc, hx-10*sc, hy+6*sc, hx+14*sc, hy+6*sc, hx+18*sc, hy+6*sc
      printf "fill none stroke #a5563f stroke-width %.1f stroke-linecap round path \x27M %.1f,%.1f Q %.1f,%.1f %.1f,%.1f\x27 stroke none\n", 3*sc, hx-10*sc, hy+20*sc, hx, hy+27*sc, hx+10*sc, hy+20*sc
      printf "fill #e9a08c circle %.1f,%.1f %.1f,%.1f circle %.1f,%.1f %.1f,%.1f\n", hx-24*sc, hy+17*sc, hx-18*sc, hy+17*sc, hx+24*sc, hy+17*sc, hx+30*sc, hy+17*sc
    }
    BEGIN {
      # student 1 (boy), pointing at the poster
      cx = 335; fy = 946; sc = 0.92
      body("#ffffff", "#263a5e", "#f0c3a0", "#2a211c", "trousers")
      printf "fill #d62f3a polygon %s %s %s\n", P(-20,-442), P(20,-442), P(0,-380)
      printf "fill #4d7cc0 roundrectangle %s %s 3,3\n", P(22,-400), P(46,-384)
      arm(-56,-418, -70,-320, -70,-238, "#ffffff", "#f0c3a0", "short")
      arm(56,-418, 118,-468, 172,-520, "#ffffff", "#f0c3a0", "short")
      # student 2 (girl, ponytail) holding a tablet
      cx = 190; fy = 942; sc = 0.88
      body("#ffffff", "#263a5e", "#eab894", "#3a2a22", "skirt")
      arm(-56,-418, -70,-330, -42,-300, "#ffffff", "#eab894", "short")
      arm(56,-418, 72,-330, 46,-300, "#ffffff", "#eab894", "short")
      printf "fill #3d4650 roundrectangle %s %s 6,6\n", P(-44,-345), P(48,-282)
      printf "fill #bfe3f2 rectangle %s %s\n", P(-36,-338), P(40,-290)
      printf "fill #eab894 circle %s %s circle %s %s\n", P(-42,-302), P(-30,-302), P(46,-302), P(58,-302)
      # judge with clipboard
      cx = 1262; fy = 948; sc = 1.0
      body("#5b6676", "#3a3f47", "#e6b48c", "#8f8a86", "trousers")
      printf "fill #ffffff polygon %s %s %s\n", P(-22,-445), P(22,-445), P(0,-395)
      printf "fill #b23a48 polygon %s %s %s %s\n", P(-6,-430), P(6,-430), P(9,-330), P(-9,-330)
      printf "fill #4a5463 rectangle %s %s\n", P(-3,-390), P(3,-230)
      printf "fill none stroke #3b3b3b stroke-width 2.5 circle %s %s circle %s %s line %s %s stroke none\n", P(-14,-486), P(-1,-486), P(14,-486), P(27,-486), P(-2,-486), P(2,-486)
      arm(-60,-420, -80,-325, -30,-318, "#4f5968", "#e6b48c", "long")
      printf "fill #8a5a34 roundrectangle %s %s 5,5\n", P(-92,-395), P(-8,-282)
      printf "fill #fbfaf6 rectangle %s %s\n", P(-84,-380), P(-16,-290)
      for (i = 0; i < 4; i++) printf "fill #b9c1c9 rectangle %s %s\n", P(-78,-368+i*18), P(-24-(i%2)*14,-362+i*18)
      printf "fill #c7ccd1 rectangle %s %s\n", P(-62,-400), P(-38,-388)
      arm(60,-420, 78,-330, -28,-338, "#4f5968", "#e6b48c", "long")
      printf "stroke #2c3e50 stroke-width 4 line %s %s stroke none\n", P(-30,-338), P(-52,-360)
    }')

  convert -respect-parentheses -size ${W}x${H} gradient:'#eef3f7-#dde6ee' \
    -draw "$scene" \
    -font "$FONT_B" -pointsize 44 -fill '#ffffff' -gravity North -annotate +0+271 'DỰ ÁN KHKT' -gravity NorthWest \
    -draw "$people" \
    \( -size ${W}x${H} xc:gray50 -seed 4407 +noise Gaussian -colorspace gray -blur 0x0.8 +level 42%,58% \) -compose soft-light -composite \
    "${JPEG_OPTS[@]}" "$OUT/hoc-sinh.jpg"
}

# Offset for "-gravity Center -annotate" so text is centred on (cx,cy) in a W×H canvas.
coff() { printf '%+d%+d' $(( $1 - $3 / 2 )) $(( $2 - $4 / 2 )); }

# ---------------------------------------------------------------------------
# 5. giai-thuong.png — 1600×1000 horizontal bar chart (one teal hue).
# ---------------------------------------------------------------------------
make_giaithuong() {
  local W=1600 H=1000 X0=650 MAXLEN=780 MAXV=23 BAND=124 TOP=196 BARH=70
  local labels=("Nông – lâm – ngư nghiệp" "Cơ khí – tự động hóa" "Công nghệ thông tin" "Môi trường" "Y dược" "Giáo dục")
  local values=(23 18 15 11 9 7)
  local bars="" args=() i cy len
  for i in "${!values[@]}"; do
    cy=$(( TOP + i*BAND + BAND/2 ))
    len=$(( values[i] * MAXLEN / MAXV ))
    bars+="roundrectangle $X0,$((cy-BARH/2)) $((X0+len)),$((cy+BARH/2)) 6,6 rectangle $X0,$((cy-BARH/2)) $((X0+10)),$((cy+BARH/2)) "
    args+=(-font "$FONT_R" -pointsize 38 -fill '#2e3a3b' -gravity East  -annotate "$(printf '%+d%+d' $((W-X0+28)) $((cy-H/2)))" "${labels[i]}")
    args+=(-font "$FONT_B" -pointsize 38 -fill '#1d6663' -gravity West  -annotate "$(printf '%+d%+d' $((X0+len+16)) $((cy-H/2)))" "${values[i]}")
  done
  convert -size ${W}x${H} xc:white \
    -fill '#2b8a86' -stroke none -draw "$bars" \
    -stroke '#8c9799' -strokewidth 2 -draw "line $X0,$((TOP-14)) $X0,$((TOP+6*BAND+14))" +stroke \
    -font "$FONT_B" -pointsize 48 -fill '#1f2b2c' -gravity NorthWest -annotate +80+62 'Số giải pháp dự thi theo lĩnh vực' \
    -stroke none -fill '#2b8a86' -draw "rectangle 80,140 200,146" \
    "${args[@]}" -gravity NorthWest \
    "${PNG_OPTS[@]}" "PNG24:$OUT/giai-thuong.png"
}

# ---------------------------------------------------------------------------
# 6. cam-bien.png — 1600×900 block diagram of a low-cost water-quality station.
# ---------------------------------------------------------------------------
make_cambien() {
  local W=1600 H=900 BH=112
  local boxes="" arrows="" args=() i cy
  local sensors=("Cảm biến\npH" "Cảm biến\nđộ đục" "Cảm biến\noxy hòa tan" "Cảm biến\nnhiệt độ")
  local sy=(180 360 540 720)
  # sensor column (teal)
  for i in 0 1 2 3; do
    cy=${sy[i]}
    boxes+="fill #e7f4f2 stroke #2b8a86 roundrectangle 50,$((cy-BH/2)) 290,$((cy+BH/2)) 18,18 "
    arrows+="line 290,$cy 345,$cy "
    args+=(-gravity Center -annotate "$(coff 170 "$cy" $W $H)" "$(printf '%b' "${sensors[i]}")")
  done
  # bus + chain
  arrows+="line 345,180 345,720 line 345,450 377,450 line 655,450 702,450 line 1230,450 1282,450 "
  boxes+="fill #e9eff9 stroke #3d6fb0 roundrectangle 395,$((450-BH/2)) 655,$((450+BH/2)) 18,18 "
  boxes+="fill #e9eff9 stroke #3d6fb0 roundrectangle 720,$((450-BH/2)) 980,$((450+BH/2)) 18,18 "
  boxes+="fill #eef0f3 stroke #4f5b69 roundrectangle 1050,$((450-BH/2)) 1230,$((450+BH/2)) 18,18 "
  boxes+="fill #eef0f3 stroke #4f5b69 roundrectangle 1300,$((450-BH/2)) 1550,$((450+BH/2)) 18,18 "
  args+=(-annotate "$(coff 525 450 $W $H)" 'Vi điều khiển'
         -annotate "$(coff 850 450 $W $H)" 'Mô-đun LoRa'
         -annotate "$(coff 1140 450 $W $H)" 'Máy chủ'
         -annotate "$(coff 1425 450 $W $H)" "$(printf 'Bảng tin\ntrực tuyến')")
  local heads="polygon 395,450 377,441 377,459 polygon 720,450 702,441 702,459 polygon 1050,450 1032,441 1032,459 polygon 1300,450 1282,441 1282,459"
  local radio="fill none stroke #3d6fb0 stroke-width 3 stroke-linecap round stroke-linejoin round
    path 'M 1004,409 A 13,13 0 0,1 1026,409' path 'M 996,400 A 24,24 0 0,1 1034,400' path 'M 988,391 A 35,35 0 0,1 1042,391'
    stroke none fill #3d6fb0 circle 1015,416 1015,411"
  convert -size ${W}x${H} xc:white \
    -draw "stroke-width 3 $boxes" \
    -draw "fill none stroke #56626c stroke-width 3 stroke-linecap round $arrows" \
    -draw "fill none stroke #56626c stroke-width 3 stroke-dasharray 10,8 line 980,450 1032,450" \
    -draw "stroke none fill #56626c $heads" \
    -draw "$radio" \
    -draw "stroke none fill #56626c circle 345,450 345,444" \
    -font "$FONT_R" -pointsize 34 -fill '#1f2b2c' -interline-spacing 2 "${args[@]}" -gravity NorthWest \
    "${PNG_OPTS[@]}" "PNG24:$OUT/cam-bien.png"
}

# ---------------------------------------------------------------------------
main() {
  local targets=("$@")
  [[ ${#targets[@]} -eq 0 ]] && targets=(cover hoi-nghi nha-mang hoc-sinh giai-thuong cam-bien)
  for t in "${targets[@]}"; do
    case $t in
      cover)       make_cover ;;
      hoi-nghi)    make_hoinghi ;;
      nha-mang)    make_nhamang ;;
      hoc-sinh)    make_hocsinh ;;
      giai-thuong) make_giaithuong ;;
      cam-bien)    make_cambien ;;
      *) echo "unknown image: $t" >&2; exit 2 ;;
    esac
    echo "wrote $t"
  done
}
main "$@"
