#!/usr/bin/env bash
# Copy the raw gazetteer inputs out of local git copies of the source
# repositories, at the pinned commits, into one directory that
# build.py --sources can read.  Nothing is downloaded here.
#
# usage: collect_sources.sh REPOS_DIR OUT_DIR
#
# REPOS_DIR holds one git repository per source (a clone or a bare mirror),
# named either "owner+name", "owner+name/repo" or "owner/name".  See
# README.md in this folder for the list of repositories.
set -euo pipefail
repos=${1:?usage: collect_sources.sh REPOS_DIR OUT_DIR}
out=${2:?usage: collect_sources.sh REPOS_DIR OUT_DIR}
mkdir -p "$out"

gitdir() {  # owner/name -> path of its git repository under $repos
  local slug=$1 d
  for d in "$repos/${slug/\//+}/repo" "$repos/${slug/\//+}" "$repos/$slug"; do
    if [ -e "$d" ]; then echo "$d"; return; fi
  done
  echo "missing repository $slug under $repos" >&2; exit 1
}
take() {  # owner/name commit path-in-repo dest-relative-to-out
  local g; g=$(gitdir "$1")
  mkdir -p "$(dirname "$out/$4")"
  git -C "$g" show "$2:$3" > "$out/$4"
}

GN=PrimeEagle/PowerShell-GeonameGrampsImport; GNC=27e04e224cf7922f21017601b77e84fe53c0de0c
take $GN $GNC countryInfo.txt       geonames/countryInfo.txt
take $GN $GNC admin1CodesASCII.txt  geonames/admin1CodesASCII.txt
take $GN $GNC admin2Codes.txt       geonames/admin2Codes.txt
take $GN $GNC no-country.txt        geonames/no-country.txt
take ali-hv/geobank-data 87f4be9e0737543a6988c225a1348b6014b6fc6a cities15000.zip geonames/cities15000.zip

take datasets/country-codes caa72d1e0e5af8876c170bb36a9e4d64a01bba88 data/country-codes.csv country-codes/country-codes.csv

COR=dariusk/corpora; CORC=cf30ca27ab176b63623af1ddcfa2447ac07305ba
for p in data/science/planets.json data/science/minor_planets.json \
         data/corporations/fortune500.json data/corporations/djia.json \
         data/corporations/nasdaq.json data/corporations/newspapers.json \
         data/governments/us_federal_agencies.json data/humans/lastNames.json; do
  take $COR $CORC "$p" "corpora/$(basename "$p")"
done

D3=ofrohn/d3-celestial; D3C=7e720a3de062059d4c5400a379146a601d9010e0
for f in planets.json messier.json dsonames.json; do take $D3 $D3C "data/$f" "d3-celestial/$f"; done

take hdigital/partyfactsdata 764de8978f84ba41a1c88752d6a00b9a4d05f599 import/wikipedia/wikidata.csv partyfacts/wikidata.csv
take savkov/freebie ece4dd58b16ee9abbe83da2a416a376505e165ca freebie/websources.csv freebie/websources.csv
take dieghernan/Country-Codes-and-International-Organizations 3a7203aa5fa6085ef0f472691c41feb309446272 files/FactAppB.html factbook/FactAppB.html

SIG=sigpwned/popular-names-by-country-dataset; SIGC=eb62e13d4d62dd96cdfae79d293a02066352205f
take $SIG $SIGC common-forenames-by-country.csv sigpwned/common-forenames-by-country.csv
take $SIG $SIGC common-surnames-by-country.csv  sigpwned/common-surnames-by-country.csv

SC=tbadams45/starting-pirates; SCC=09917bd46c43414eb2f7d7314b35a776f0052574   # a copy of SCOWL 2019.10.06
for v in english american british; do for l in 10 20 35; do
  take $SC $SCC "SCOWL/final/$v-words.$l" "scowl/$v-words.$l"
done; done

SSA=aramshiva/babies; SSAC=5cbb539a286b8c1e40cb1400bf7c43b5e5b31b25
g=$(gitdir $SSA)
for p in $(git -C "$g" ls-tree -r --name-only $SSAC names/ | grep '/yob[0-9]*\.txt$'); do
  take $SSA $SSAC "$p" "ssa/$(basename "$p")"
done

BER=berlinonline/haeufige-vornamen-berlin; BERC=e8760a76ae719468e7a3804d3e679763085c734d
g=$(gitdir $BER)
git -C "$g" ls-tree -r --name-only $BERC data/cleaned/ | grep '\.csv$' | while IFS= read -r p; do
  y=$(echo "$p" | cut -d/ -f3)
  take $BER $BERC "$p" "berlin/$y-$(basename "$p")"
done
echo "sources written to $out"
