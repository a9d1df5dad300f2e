#!/usr/bin/env python3
"""Generates data/actors/countries.json from Debian iso-codes plus the hand
table below (short names, adjectives/demonyms, capitals, seats of government).
The output is committed; the build never runs this script.

usage: scripts/gen_countries.py [/usr/share/iso-codes/json] > data/actors/countries.json
"""
import json
import sys

# A country's people in the plural ("Iraqis", "Palestinians", "Britons"): a
# demonym ending in -an or -i takes -s; the others are listed here. Demonyms
# that are their own plural ("Chinese", "Swiss", "British") name no one alone
# and stay out, as do historical states ("the Soviets" is a government).
IRREGULAR_PEOPLE = {
    "GBR": ["Britons"], "TUR": ["Turks"], "DNK": ["Danes"], "SWE": ["Swedes"],
    "FIN": ["Finns"], "GRC": ["Greeks"], "THA": ["Thais"], "PHL": ["Filipinos"],
    "ESP": ["Spaniards"], "CZE": ["Czechs"], "SVK": ["Slovaks"], "HRV": ["Croats"],
    "SRB": ["Serbs"], "UZB": ["Uzbeks"], "KAZ": ["Kazakhs"], "TJK": ["Tajiks"],
    "NZL": ["New Zealanders"], "ISL": ["Icelanders"], "POL": ["Poles"],
    "ARE": ["Emiratis"], "LUX": ["Luxembourgers"], "NLD": ["Dutchmen"],
    "CYP": ["Cypriots"], "ARG": ["Argentines"], "XKX": ["Kosovars"],
}
# Plurals that name others as often: friars, the people of a region, no one.
NOT_PEOPLE = {"Dominicans", "Central Africans", "Vaticans"}


def people_of(code, t):
    if "h" in t["flags"]:
        return []
    out = [a + "s" for a in t["adjs"] if a.endswith(("an", "i")) and a + "s" not in NOT_PEOPLE]
    for p in IRREGULAR_PEOPLE.get(code, []):
        if p not in out:
            out.append(p)
    return out


# ISO3 | canonical + short names (;) | adjectives (;) | capital | metonyms (;) | flags
# flags: a = ambiguous (also a common word or first name), h = historical,
#        c = capital is ambiguous (a person or common name: not used as metonym)
TABLE = r"""
AFG|Afghanistan|Afghan;Afghanistani|Kabul||
ALB|Albania|Albanian|Tirana||
DZA|Algeria|Algerian|Algiers||
AND|Andorra|Andorran|||
AGO|Angola|Angolan|Luanda||
ATG|Antigua and Barbuda|Antiguan|||
ARG|Argentina|Argentine;Argentinian|Buenos Aires|Casa Rosada|
ARM|Armenia|Armenian|Yerevan||
AUS|Australia|Australian|Canberra||
AUT|Austria|Austrian|Vienna||
AZE|Azerbaijan|Azerbaijani;Azeri|Baku||
BHS|Bahamas;The Bahamas|Bahamian|Nassau||
BHR|Bahrain|Bahraini|Manama||
BGD|Bangladesh|Bangladeshi|Dhaka||
BRB|Barbados|Barbadian|Bridgetown||
BLR|Belarus|Belarusian;Belarussian|Minsk||
BEL|Belgium|Belgian|||
BLZ|Belize|Belizean|Belmopan||
BEN|Benin|Beninese|Porto-Novo||
BTN|Bhutan|Bhutanese|Thimphu||
BOL|Bolivia|Bolivian|La Paz||
BIH|Bosnia and Herzegovina;Bosnia|Bosnian|Sarajevo||
BWA|Botswana|Botswanan|Gaborone||
BRA|Brazil|Brazilian|Brasilia;Brasília|Planalto|
BRN|Brunei|Bruneian|||
BGR|Bulgaria|Bulgarian|Sofia||
BFA|Burkina Faso|Burkinabe|Ouagadougou||
BDI|Burundi|Burundian|Gitega||
CPV|Cape Verde;Cabo Verde|Cape Verdean|Praia||
KHM|Cambodia|Cambodian|Phnom Penh||
CMR|Cameroon|Cameroonian|Yaounde;Yaoundé||
CAN|Canada|Canadian|Ottawa|Parliament Hill|
CAF|Central African Republic;CAR|Central African|Bangui||
TCD|Chad|Chadian|N'Djamena||a
CHL|Chile|Chilean|Santiago|La Moneda|
CHN|China;People's Republic of China;PRC;P.R.C.;Mainland China|Chinese|Beijing;Peking|Zhongnanhai|
COL|Colombia|Colombian|Bogota;Bogotá||
COM|Comoros|Comoran;Comorian|Moroni||
COD|Democratic Republic of the Congo;Congo;DR Congo;DRC;D.R.C.;Democratic Republic of Congo;Congo-Kinshasa|Congolese|Kinshasa||
COG|Republic of the Congo;Republic of Congo;Congo-Brazzaville;Congo Republic||Brazzaville||
CRI|Costa Rica|Costa Rican|San Jose;San José||
CIV|Ivory Coast;Côte d'Ivoire;Cote d'Ivoire|Ivorian|Abidjan;Yamoussoukro||
HRV|Croatia|Croatian|Zagreb||
CUB|Cuba|Cuban|Havana||
CYP|Cyprus|Cypriot|Nicosia||
CZE|Czech Republic;Czechia|Czech|Prague||
DNK|Denmark|Danish|Copenhagen||
DJI|Djibouti|Djiboutian|||
DMA|Dominica||Roseau||
DOM|Dominican Republic|Dominican|Santo Domingo||
ECU|Ecuador|Ecuadorian;Ecuadorean|Quito||
EGY|Egypt|Egyptian|Cairo||
SLV|El Salvador|Salvadoran;Salvadorean|San Salvador||
GNQ|Equatorial Guinea|Equatorial Guinean|Malabo||
ERI|Eritrea|Eritrean|Asmara||
EST|Estonia|Estonian|Tallinn||
SWZ|Eswatini;Swaziland|Swazi|Mbabane||
ETH|Ethiopia|Ethiopian|Addis Ababa||
FJI|Fiji|Fijian|Suva||
FIN|Finland|Finnish|Helsinki||
FRA|France;French Republic|French|Paris|Elysee;Élysée;Elysee Palace;Élysée Palace;Quai d'Orsay|
GAB|Gabon|Gabonese|Libreville||
GMB|Gambia;The Gambia|Gambian|Banjul||
GEO|Georgia|Georgian|Tbilisi||a
DEU|Germany;Federal Republic of Germany|German|Berlin|Chancellery|
GHA|Ghana|Ghanaian|Accra||
GRC|Greece|Greek|Athens||
GRD|Grenada|Grenadian|||
GTM|Guatemala|Guatemalan|Guatemala City||
GIN|Guinea|Guinean|Conakry||
GNB|Guinea-Bissau|Bissau-Guinean|Bissau||
GUY|Guyana|Guyanese|Georgetown||c
HTI|Haiti|Haitian|Port-au-Prince||
VAT|Vatican;Holy See;Vatican City|Vatican|||
HND|Honduras|Honduran|Tegucigalpa||
HKG|Hong Kong|Hong Kong|||
HUN|Hungary|Hungarian|Budapest||
ISL|Iceland|Icelandic|Reykjavik||
IND|India|Indian|New Delhi|South Block|
IDN|Indonesia|Indonesian|Jakarta||
IRN|Iran;Islamic Republic of Iran|Iranian|Tehran;Teheran||
IRQ|Iraq|Iraqi|Baghdad||
IRL|Ireland;Republic of Ireland|Irish|Dublin||
ISR|Israel;State of Israel|Israeli|Jerusalem|Knesset|
ITA|Italy|Italian|Rome|Palazzo Chigi|
JAM|Jamaica|Jamaican|Kingston||c
JPN|Japan|Japanese|Tokyo||
JOR|Jordan|Jordanian|Amman||a
KAZ|Kazakhstan|Kazakh;Kazakhstani|Astana;Nur-Sultan||
KEN|Kenya|Kenyan|Nairobi||
KIR|Kiribati||Tarawa||
PRK|North Korea;Democratic People's Republic of Korea;DPRK|North Korean|Pyongyang||
KOR|South Korea;Republic of Korea;ROK|South Korean|Seoul|Blue House|
XKX|Kosovo;Republic of Kosovo|Kosovar;Kosovan|Pristina||
KWT|Kuwait|Kuwaiti|Kuwait City||
KGZ|Kyrgyzstan;Kyrgyz Republic|Kyrgyz|Bishkek||
LAO|Laos|Laotian;Lao|Vientiane||
LVA|Latvia|Latvian|Riga||
LBN|Lebanon|Lebanese|Beirut||
LSO|Lesotho|Basotho|Maseru||
LBR|Liberia|Liberian|Monrovia||
LBY|Libya|Libyan|Tripoli||
LIE|Liechtenstein||Vaduz||
LTU|Lithuania|Lithuanian|Vilnius||
LUX|Luxembourg|Luxembourgish||
MDG|Madagascar|Malagasy|Antananarivo||
MWI|Malawi|Malawian|Lilongwe||
MYS|Malaysia|Malaysian|Kuala Lumpur;Putrajaya||
MDV|Maldives|Maldivian|||
MLI|Mali|Malian|Bamako||
MLT|Malta|Maltese|Valletta||
MHL|Marshall Islands|Marshallese|Majuro||
MRT|Mauritania|Mauritanian|Nouakchott||
MUS|Mauritius|Mauritian|Port Louis||
MEX|Mexico|Mexican|Mexico City||
FSM|Micronesia;Federated States of Micronesia|Micronesian|Palikir||
MDA|Moldova|Moldovan|Chisinau;Chișinău||
MCO|Monaco|Monegasque|||
MNG|Mongolia|Mongolian|Ulaanbaatar;Ulan Bator||
MNE|Montenegro|Montenegrin|Podgorica||
MAR|Morocco|Moroccan|Rabat||
MOZ|Mozambique|Mozambican|Maputo||
MMR|Myanmar;Burma|Myanmarese;Burmese|Naypyitaw;Naypyidaw;Nay Pyi Taw||
NAM|Namibia|Namibian|Windhoek||
NRU|Nauru|Nauruan|||
NPL|Nepal|Nepali;Nepalese|Kathmandu||
NLD|Netherlands;Holland;The Netherlands|Dutch|The Hague;Amsterdam||
NZL|New Zealand|New Zealand|Wellington||c
NIC|Nicaragua|Nicaraguan|Managua||
NER|Niger|Nigerien|Niamey||a
NGA|Nigeria|Nigerian|Abuja||
MKD|North Macedonia;Macedonia|Macedonian;North Macedonian|Skopje||
NOR|Norway|Norwegian|Oslo||
OMN|Oman|Omani|Muscat||
PAK|Pakistan|Pakistani|Islamabad||
PLW|Palau|Palauan|Ngerulmud||
PSE|Palestine;State of Palestine;Palestinian territories;Palestinian Authority|Palestinian|Ramallah||
PAN|Panama|Panamanian|Panama City||
PNG|Papua New Guinea|Papua New Guinean|Port Moresby||
PRY|Paraguay|Paraguayan|Asuncion;Asunción||
PER|Peru|Peruvian|Lima||
PHL|Philippines;The Philippines|Philippine;Filipino|Manila|Malacanang;Malacañang|
POL|Poland|Polish|Warsaw||
PRT|Portugal|Portuguese|Lisbon||
QAT|Qatar|Qatari|Doha||
ROU|Romania|Romanian|Bucharest||
RUS|Russia;Russian Federation|Russian|Moscow|Kremlin|
RWA|Rwanda|Rwandan|Kigali||
KNA|Saint Kitts and Nevis;St Kitts and Nevis||Basseterre||
LCA|Saint Lucia;St Lucia|Saint Lucian|Castries||
VCT|Saint Vincent and the Grenadines;St Vincent and the Grenadines|Vincentian|Kingstown||
WSM|Samoa|Samoan|Apia||
SMR|San Marino|Sammarinese|||
STP|Sao Tome and Principe;São Tomé and Príncipe||Sao Tome||
SAU|Saudi Arabia;Kingdom of Saudi Arabia|Saudi;Saudi Arabian|Riyadh||
SEN|Senegal|Senegalese|Dakar||
SRB|Serbia|Serbian;Serb|Belgrade||
SYC|Seychelles|Seychellois|Victoria||c
SLE|Sierra Leone|Sierra Leonean|Freetown||
SGP|Singapore|Singaporean|||
SVK|Slovakia|Slovak|Bratislava||
SVN|Slovenia|Slovenian;Slovene|Ljubljana||
SLB|Solomon Islands||Honiara||
SOM|Somalia|Somali|Mogadishu||
ZAF|South Africa|South African|Pretoria|Union Buildings|
SSD|South Sudan|South Sudanese|Juba||
ESP|Spain|Spanish|Madrid|Moncloa|
LKA|Sri Lanka|Sri Lankan|Colombo||
SDN|Sudan|Sudanese|Khartoum||
SUR|Suriname|Surinamese|Paramaribo||
SWE|Sweden|Swedish|Stockholm||
CHE|Switzerland|Swiss|Bern;Berne||
SYR|Syria;Syrian Arab Republic|Syrian|Damascus||
TWN|Taiwan;Republic of China|Taiwanese|Taipei||
TJK|Tajikistan|Tajik|Dushanbe||
TZA|Tanzania|Tanzanian|Dodoma||
THA|Thailand|Thai|Bangkok||
TLS|East Timor;Timor-Leste|Timorese|Dili||
TGO|Togo|Togolese|Lome;Lomé||
TON|Tonga|Tongan|Nuku'alofa||
TTO|Trinidad and Tobago|Trinidadian|Port of Spain||
TUN|Tunisia|Tunisian|Tunis||
TUR|Turkey;Türkiye;Turkiye|Turkish|Ankara||a
TKM|Turkmenistan|Turkmen|Ashgabat||
TUV|Tuvalu|Tuvaluan|Funafuti||
UGA|Uganda|Ugandan|Kampala||
UKR|Ukraine|Ukrainian|Kyiv;Kiev||
ARE|United Arab Emirates;UAE;U.A.E.;Emirates|Emirati|Abu Dhabi||
GBR|Britain;United Kingdom;UK;U.K.;Great Britain;United Kingdom of Great Britain and Northern Ireland|British|London|Downing Street;Number 10;No. 10;Whitehall;Foreign Office|
USA|United States;United States of America;U.S.;US;USA;U.S.A.;America|American;U.S.;US|Washington|White House;Pentagon;State Department;Capitol Hill|
URY|Uruguay|Uruguayan|Montevideo||
UZB|Uzbekistan|Uzbek|Tashkent||
VUT|Vanuatu|Ni-Vanuatu|Port Vila||
VEN|Venezuela|Venezuelan|Caracas|Miraflores|
VNM|Vietnam;Viet Nam|Vietnamese|Hanoi||
YEM|Yemen|Yemeni|Sanaa;Sana'a||
ZMB|Zambia|Zambian|Lusaka||
ZWE|Zimbabwe|Zimbabwean|Harare||
SUN|Soviet Union;USSR;U.S.S.R.;Union of Soviet Socialist Republics|Soviet|||h
YUG|Yugoslavia|Yugoslav|||h
CSK|Czechoslovakia|Czechoslovak|||h
DDR|East Germany;German Democratic Republic;GDR|East German|East Berlin||h
"""

# Places that are not states but that news names as places (kind location).
LOCATIONS = [
    ("Gaza Strip", "PSE", ["Gaza"]), ("West Bank", "PSE", []), ("East Jerusalem", "PSE", []),
    ("Golan Heights", "SYR", []), ("Crimea", "UKR", []), ("Donbas", "UKR", ["Donbass"]),
    ("Donetsk", "UKR", []), ("Luhansk", "UKR", []), ("Kharkiv", "UKR", []), ("Odesa", "UKR", ["Odessa"]),
    ("Kashmir", "", []), ("Tibet", "CHN", []), ("Xinjiang", "CHN", []),
    ("South China Sea", "", []), ("East China Sea", "", []), ("Taiwan Strait", "", []),
    ("Black Sea", "", []), ("Red Sea", "", []), ("Persian Gulf", "", ["Gulf"]),
    ("Strait of Hormuz", "", []), ("Korean Peninsula", "", []), ("Middle East", "", ["Mideast"]),
    ("Europe", "", []), ("Asia", "", []), ("Africa", "", []), ("Latin America", "", []),
    ("Indo-Pacific", "", []), ("Arctic", "", []), ("Balkans", "", []), ("Sahel", "", []),
    ("Nagorno-Karabakh", "", ["Karabakh"]), ("Kurdistan", "", []), ("Darfur", "SDN", []),
    ("Idlib", "SYR", []), ("Aleppo", "SYR", []), ("Mariupol", "UKR", []), ("Bakhmut", "UKR", []),
    ("Kursk", "RUS", []), ("Shanghai", "CHN", []), ("Hamburg", "DEU", []), ("New York", "USA", []),
    ("San Francisco", "USA", []), ("Geneva", "CHE", []), ("Davos", "CHE", []), ("Munich", "DEU", []),
    ("Istanbul", "TUR", []), ("Dubai", "ARE", []), ("Rafah", "PSE", []), ("Khan Younis", "PSE", []),
    # Seas and regions whose names hold a demonym or a state's name ("the
    # Indian Ocean" is no Indian place); data/places/regions.tsv places them.
    ("Indian Ocean", "", []), ("Gulf of Oman", "", []), ("Gulf of Aden", "", []), ("Arabian Sea", "", []),
    ("Caspian Sea", "", []), ("Baltic Sea", "", []), ("North Sea", "", []), ("Mediterranean", "", []),
    ("Atlantic Ocean", "", []), ("Pacific Ocean", "", []), ("Sea of Japan", "", []), ("Yellow Sea", "", []),
    ("Gulf of Mexico", "", []), ("Suez Canal", "EGY", []), ("Panama Canal", "PAN", []), ("Sinai", "EGY", []),
    ("Western Europe", "", []), ("Eastern Europe", "", []), ("Southeast Asia", "", ["South-East Asia"]),
    ("Central Asia", "", []), ("Horn of Africa", "", []), ("Central America", "", []),
    ("South America", "", []), ("North America", "", []), ("Caucasus", "", []), ("Scandinavia", "", []),
    # Places whose names hold a state's name: "New Jersey Resources Corp" is
    # no company of Jersey, "New South Wales" no place in Wales.
    ("New Jersey", "USA", []), ("Jersey City", "USA", []), ("New Mexico", "USA", []),
    ("New England", "USA", []), ("New South Wales", "AUS", []),
]


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/iso-codes/json"
    iso = {c["alpha_3"]: c for c in json.load(open(f"{src}/iso_3166-1.json"))["3166-1"]}
    table = {}
    for line in TABLE.strip().splitlines():
        code, names, adjs, capital, metonyms, flags = (line.split("|") + [""] * 6)[:6]
        table[code] = dict(names=[n for n in names.split(";") if n], adjs=[a for a in adjs.split(";") if a],
                           capitals=[c for c in capital.split(";") if c],
                           metonyms=[m for m in metonyms.split(";") if m], flags=flags)
    actors = []
    codes = list(iso.keys()) + [c for c in table if c not in iso]
    for code in codes:
        c = iso.get(code, {})
        t = table.get(code, dict(names=[], adjs=[], capitals=[], metonyms=[], flags=""))
        names = list(t["names"])
        for key in ("common_name", "name", "official_name"):
            n = c.get(key)
            if n and "," not in n and "(" not in n and n not in names:
                names.append(n)
        if not names:  # only inverted forms ("Virgin Islands, British"): keep as written
            names.append(c["name"])
        entry = {"name": names[0], "kind": "country", "country": code}
        if len(names) > 1:
            entry["aliases"] = names[1:]
        if t["adjs"]:
            entry["adjectives"] = t["adjs"]
        people = people_of(code, t)
        if people:
            entry["people"] = people
        if t["capitals"] and "c" not in t["flags"]:
            entry["capital"] = t["capitals"][0]
            # A leading "the" is optional in text ("the Kremlin", "Kremlin"), so none is written.
            entry["metonyms"] = t["capitals"][1:] + t["metonyms"]
        elif t["metonyms"]:
            entry["metonyms"] = t["metonyms"]
        entry["sector"] = "GOV"
        if "a" in t["flags"]:
            entry["ambiguous"] = True
        if "h" in t["flags"]:
            entry["historical"] = True
        if not entry.get("metonyms"):
            entry.pop("metonyms", None)
        actors.append(entry)
    for name, country, aliases in LOCATIONS:
        e = {"name": name, "kind": "location"}
        if country:
            e["country"] = country
        if aliases:
            e["aliases"] = aliases
        actors.append(e)
    out = {"_comment": "Generated by scripts/gen_countries.py from Debian iso-codes; edit the script, not this file.",
           "actors": actors}
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
