using System;
using System.Collections.Generic;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// Country text to ISO 3166-1 alpha-2: alpha-2 and alpha-3 codes, ISO English names (short, common and
    /// official) and common variants and native spellings ("USA", "U.S.", "Deutschland", "Côte d'Ivoire").
    /// Matching ignores case, accents, punctuation and white space. The tables are private and never change.
    /// </summary>
    public static class CountryCodes
    {
        // alpha-2|alpha-3|ISO short name|further ISO names. Generated from the Debian iso-codes iso_3166-1.json.
        private static readonly string[] IsoRows =
        {
            "AD|AND|Andorra|Principality of Andorra",
            "AE|ARE|United Arab Emirates",
            "AF|AFG|Afghanistan|Islamic Republic of Afghanistan",
            "AG|ATG|Antigua and Barbuda",
            "AI|AIA|Anguilla",
            "AL|ALB|Albania|Republic of Albania",
            "AM|ARM|Armenia|Republic of Armenia",
            "AO|AGO|Angola|Republic of Angola",
            "AQ|ATA|Antarctica",
            "AR|ARG|Argentina|Argentine Republic",
            "AS|ASM|American Samoa",
            "AT|AUT|Austria|Republic of Austria",
            "AU|AUS|Australia",
            "AW|ABW|Aruba",
            "AX|ALA|Åland Islands",
            "AZ|AZE|Azerbaijan|Republic of Azerbaijan",
            "BA|BIH|Bosnia and Herzegovina|Republic of Bosnia and Herzegovina",
            "BB|BRB|Barbados",
            "BD|BGD|Bangladesh|People's Republic of Bangladesh",
            "BE|BEL|Belgium|Kingdom of Belgium",
            "BF|BFA|Burkina Faso",
            "BG|BGR|Bulgaria|Republic of Bulgaria",
            "BH|BHR|Bahrain|Kingdom of Bahrain",
            "BI|BDI|Burundi|Republic of Burundi",
            "BJ|BEN|Benin|Republic of Benin",
            "BL|BLM|Saint Barthélemy",
            "BM|BMU|Bermuda",
            "BN|BRN|Brunei Darussalam",
            "BO|BOL|Bolivia, Plurinational State of|Bolivia|Plurinational State of Bolivia",
            "BQ|BES|Bonaire, Sint Eustatius and Saba",
            "BR|BRA|Brazil|Federative Republic of Brazil",
            "BS|BHS|Bahamas|Commonwealth of the Bahamas",
            "BT|BTN|Bhutan|Kingdom of Bhutan",
            "BV|BVT|Bouvet Island",
            "BW|BWA|Botswana|Republic of Botswana",
            "BY|BLR|Belarus|Republic of Belarus",
            "BZ|BLZ|Belize",
            "CA|CAN|Canada",
            "CC|CCK|Cocos (Keeling) Islands",
            "CD|COD|Congo, The Democratic Republic of the",
            "CF|CAF|Central African Republic",
            "CG|COG|Congo|Republic of the Congo",
            "CH|CHE|Switzerland|Swiss Confederation",
            "CI|CIV|Côte d'Ivoire|Republic of Côte d'Ivoire",
            "CK|COK|Cook Islands",
            "CL|CHL|Chile|Republic of Chile",
            "CM|CMR|Cameroon|Republic of Cameroon",
            "CN|CHN|China|People's Republic of China",
            "CO|COL|Colombia|Republic of Colombia",
            "CR|CRI|Costa Rica|Republic of Costa Rica",
            "CU|CUB|Cuba|Republic of Cuba",
            "CV|CPV|Cabo Verde|Republic of Cabo Verde",
            "CW|CUW|Curaçao",
            "CX|CXR|Christmas Island",
            "CY|CYP|Cyprus|Republic of Cyprus",
            "CZ|CZE|Czechia|Czech Republic",
            "DE|DEU|Germany|Federal Republic of Germany",
            "DJ|DJI|Djibouti|Republic of Djibouti",
            "DK|DNK|Denmark|Kingdom of Denmark",
            "DM|DMA|Dominica|Commonwealth of Dominica",
            "DO|DOM|Dominican Republic",
            "DZ|DZA|Algeria|People's Democratic Republic of Algeria",
            "EC|ECU|Ecuador|Republic of Ecuador",
            "EE|EST|Estonia|Republic of Estonia",
            "EG|EGY|Egypt|Arab Republic of Egypt",
            "EH|ESH|Western Sahara",
            "ER|ERI|Eritrea|the State of Eritrea",
            "ES|ESP|Spain|Kingdom of Spain",
            "ET|ETH|Ethiopia|Federal Democratic Republic of Ethiopia",
            "FI|FIN|Finland|Republic of Finland",
            "FJ|FJI|Fiji|Republic of Fiji",
            "FK|FLK|Falkland Islands (Malvinas)",
            "FM|FSM|Micronesia, Federated States of|Federated States of Micronesia",
            "FO|FRO|Faroe Islands",
            "FR|FRA|France|French Republic",
            "GA|GAB|Gabon|Gabonese Republic",
            "GB|GBR|United Kingdom|United Kingdom of Great Britain and Northern Ireland",
            "GD|GRD|Grenada",
            "GE|GEO|Georgia",
            "GF|GUF|French Guiana",
            "GG|GGY|Guernsey",
            "GH|GHA|Ghana|Republic of Ghana",
            "GI|GIB|Gibraltar",
            "GL|GRL|Greenland",
            "GM|GMB|Gambia|Republic of the Gambia",
            "GN|GIN|Guinea|Republic of Guinea",
            "GP|GLP|Guadeloupe",
            "GQ|GNQ|Equatorial Guinea|Republic of Equatorial Guinea",
            "GR|GRC|Greece|Hellenic Republic",
            "GS|SGS|South Georgia and the South Sandwich Islands",
            "GT|GTM|Guatemala|Republic of Guatemala",
            "GU|GUM|Guam",
            "GW|GNB|Guinea-Bissau|Republic of Guinea-Bissau",
            "GY|GUY|Guyana|Republic of Guyana",
            "HK|HKG|Hong Kong|Hong Kong Special Administrative Region of China",
            "HM|HMD|Heard Island and McDonald Islands",
            "HN|HND|Honduras|Republic of Honduras",
            "HR|HRV|Croatia|Republic of Croatia",
            "HT|HTI|Haiti|Republic of Haiti",
            "HU|HUN|Hungary",
            "ID|IDN|Indonesia|Republic of Indonesia",
            "IE|IRL|Ireland",
            "IL|ISR|Israel|State of Israel",
            "IM|IMN|Isle of Man",
            "IN|IND|India|Republic of India",
            "IO|IOT|British Indian Ocean Territory",
            "IQ|IRQ|Iraq|Republic of Iraq",
            "IR|IRN|Iran, Islamic Republic of|Iran|Islamic Republic of Iran",
            "IS|ISL|Iceland|Republic of Iceland",
            "IT|ITA|Italy|Italian Republic",
            "JE|JEY|Jersey",
            "JM|JAM|Jamaica",
            "JO|JOR|Jordan|Hashemite Kingdom of Jordan",
            "JP|JPN|Japan",
            "KE|KEN|Kenya|Republic of Kenya",
            "KG|KGZ|Kyrgyzstan|Kyrgyz Republic",
            "KH|KHM|Cambodia|Kingdom of Cambodia",
            "KI|KIR|Kiribati|Republic of Kiribati",
            "KM|COM|Comoros|Union of the Comoros",
            "KN|KNA|Saint Kitts and Nevis",
            "KP|PRK|Korea, Democratic People's Republic of|North Korea|Democratic People's Republic of Korea",
            "KR|KOR|Korea, Republic of|South Korea",
            "KW|KWT|Kuwait|State of Kuwait",
            "KY|CYM|Cayman Islands",
            "KZ|KAZ|Kazakhstan|Republic of Kazakhstan",
            "LA|LAO|Lao People's Democratic Republic|Laos",
            "LB|LBN|Lebanon|Lebanese Republic",
            "LC|LCA|Saint Lucia",
            "LI|LIE|Liechtenstein|Principality of Liechtenstein",
            "LK|LKA|Sri Lanka|Democratic Socialist Republic of Sri Lanka",
            "LR|LBR|Liberia|Republic of Liberia",
            "LS|LSO|Lesotho|Kingdom of Lesotho",
            "LT|LTU|Lithuania|Republic of Lithuania",
            "LU|LUX|Luxembourg|Grand Duchy of Luxembourg",
            "LV|LVA|Latvia|Republic of Latvia",
            "LY|LBY|Libya",
            "MA|MAR|Morocco|Kingdom of Morocco",
            "MC|MCO|Monaco|Principality of Monaco",
            "MD|MDA|Moldova, Republic of|Moldova|Republic of Moldova",
            "ME|MNE|Montenegro",
            "MF|MAF|Saint Martin (French part)",
            "MG|MDG|Madagascar|Republic of Madagascar",
            "MH|MHL|Marshall Islands|Republic of the Marshall Islands",
            "MK|MKD|North Macedonia|Republic of North Macedonia",
            "ML|MLI|Mali|Republic of Mali",
            "MM|MMR|Myanmar|Republic of Myanmar",
            "MN|MNG|Mongolia",
            "MO|MAC|Macao|Macao Special Administrative Region of China",
            "MP|MNP|Northern Mariana Islands|Commonwealth of the Northern Mariana Islands",
            "MQ|MTQ|Martinique",
            "MR|MRT|Mauritania|Islamic Republic of Mauritania",
            "MS|MSR|Montserrat",
            "MT|MLT|Malta|Republic of Malta",
            "MU|MUS|Mauritius|Republic of Mauritius",
            "MV|MDV|Maldives|Republic of Maldives",
            "MW|MWI|Malawi|Republic of Malawi",
            "MX|MEX|Mexico|United Mexican States",
            "MY|MYS|Malaysia",
            "MZ|MOZ|Mozambique|Republic of Mozambique",
            "NA|NAM|Namibia|Republic of Namibia",
            "NC|NCL|New Caledonia",
            "NE|NER|Niger|Republic of the Niger",
            "NF|NFK|Norfolk Island",
            "NG|NGA|Nigeria|Federal Republic of Nigeria",
            "NI|NIC|Nicaragua|Republic of Nicaragua",
            "NL|NLD|Netherlands|Kingdom of the Netherlands",
            "NO|NOR|Norway|Kingdom of Norway",
            "NP|NPL|Nepal|Federal Democratic Republic of Nepal",
            "NR|NRU|Nauru|Republic of Nauru",
            "NU|NIU|Niue",
            "NZ|NZL|New Zealand",
            "OM|OMN|Oman|Sultanate of Oman",
            "PA|PAN|Panama|Republic of Panama",
            "PE|PER|Peru|Republic of Peru",
            "PF|PYF|French Polynesia",
            "PG|PNG|Papua New Guinea|Independent State of Papua New Guinea",
            "PH|PHL|Philippines|Republic of the Philippines",
            "PK|PAK|Pakistan|Islamic Republic of Pakistan",
            "PL|POL|Poland|Republic of Poland",
            "PM|SPM|Saint Pierre and Miquelon",
            "PN|PCN|Pitcairn",
            "PR|PRI|Puerto Rico",
            "PS|PSE|Palestine, State of|the State of Palestine",
            "PT|PRT|Portugal|Portuguese Republic",
            "PW|PLW|Palau|Republic of Palau",
            "PY|PRY|Paraguay|Republic of Paraguay",
            "QA|QAT|Qatar|State of Qatar",
            "RE|REU|Réunion",
            "RO|ROU|Romania",
            "RS|SRB|Serbia|Republic of Serbia",
            "RU|RUS|Russian Federation",
            "RW|RWA|Rwanda|Rwandese Republic",
            "SA|SAU|Saudi Arabia|Kingdom of Saudi Arabia",
            "SB|SLB|Solomon Islands",
            "SC|SYC|Seychelles|Republic of Seychelles",
            "SD|SDN|Sudan|Republic of the Sudan",
            "SE|SWE|Sweden|Kingdom of Sweden",
            "SG|SGP|Singapore|Republic of Singapore",
            "SH|SHN|Saint Helena, Ascension and Tristan da Cunha",
            "SI|SVN|Slovenia|Republic of Slovenia",
            "SJ|SJM|Svalbard and Jan Mayen",
            "SK|SVK|Slovakia|Slovak Republic",
            "SL|SLE|Sierra Leone|Republic of Sierra Leone",
            "SM|SMR|San Marino|Republic of San Marino",
            "SN|SEN|Senegal|Republic of Senegal",
            "SO|SOM|Somalia|Federal Republic of Somalia",
            "SR|SUR|Suriname|Republic of Suriname",
            "SS|SSD|South Sudan|Republic of South Sudan",
            "ST|STP|Sao Tome and Principe|Democratic Republic of Sao Tome and Principe",
            "SV|SLV|El Salvador|Republic of El Salvador",
            "SX|SXM|Sint Maarten (Dutch part)",
            "SY|SYR|Syrian Arab Republic|Syria",
            "SZ|SWZ|Eswatini|Kingdom of Eswatini",
            "TC|TCA|Turks and Caicos Islands",
            "TD|TCD|Chad|Republic of Chad",
            "TF|ATF|French Southern Territories",
            "TG|TGO|Togo|Togolese Republic",
            "TH|THA|Thailand|Kingdom of Thailand",
            "TJ|TJK|Tajikistan|Republic of Tajikistan",
            "TK|TKL|Tokelau",
            "TL|TLS|Timor-Leste|Democratic Republic of Timor-Leste",
            "TM|TKM|Turkmenistan",
            "TN|TUN|Tunisia|Republic of Tunisia",
            "TO|TON|Tonga|Kingdom of Tonga",
            "TR|TUR|Türkiye|Republic of Türkiye",
            "TT|TTO|Trinidad and Tobago|Republic of Trinidad and Tobago",
            "TV|TUV|Tuvalu",
            "TW|TWN|Taiwan, Province of China|Taiwan",
            "TZ|TZA|Tanzania, United Republic of|Tanzania|United Republic of Tanzania",
            "UA|UKR|Ukraine",
            "UG|UGA|Uganda|Republic of Uganda",
            "UM|UMI|United States Minor Outlying Islands",
            "US|USA|United States|United States of America",
            "UY|URY|Uruguay|Eastern Republic of Uruguay",
            "UZ|UZB|Uzbekistan|Republic of Uzbekistan",
            "VA|VAT|Holy See (Vatican City State)",
            "VC|VCT|Saint Vincent and the Grenadines",
            "VE|VEN|Venezuela, Bolivarian Republic of|Venezuela|Bolivarian Republic of Venezuela",
            "VG|VGB|Virgin Islands, British|British Virgin Islands",
            "VI|VIR|Virgin Islands, U.S.|Virgin Islands of the United States",
            "VN|VNM|Viet Nam|Vietnam|Socialist Republic of Viet Nam",
            "VU|VUT|Vanuatu|Republic of Vanuatu",
            "WF|WLF|Wallis and Futuna",
            "WS|WSM|Samoa|Independent State of Samoa",
            "YE|YEM|Yemen|Republic of Yemen",
            "YT|MYT|Mayotte",
            "ZA|ZAF|South Africa|Republic of South Africa",
            "ZM|ZMB|Zambia|Republic of Zambia",
            "ZW|ZWE|Zimbabwe|Republic of Zimbabwe"
        };

        // variant|alpha-2: spellings customers and forms use that ISO does not list.
        private static readonly string[] Variants =
        {
            "America|US", "United States of America|US", "U.S.|US", "U.S.A.|US", "The United States|US", "Vereinigte Staaten|US",
            "Etats-Unis|US", "Estados Unidos|US", "Stati Uniti|US", "Verenigde Staten|US",
            "UK|GB", "U.K.|GB", "Great Britain|GB", "Britain|GB", "England|GB", "Scotland|GB", "Wales|GB", "Northern Ireland|GB",
            "Vereinigtes Königreich|GB", "Großbritannien|GB", "Grossbritannien|GB", "Royaume-Uni|GB", "Reino Unido|GB", "Regno Unito|GB", "Verenigd Koninkrijk|GB",
            "Deutschland|DE", "BRD|DE", "Allemagne|DE", "Alemania|DE", "Germania|DE", "Duitsland|DE", "Niemcy|DE",
            "Österreich|AT", "Autriche|AT", "Schweiz|CH", "Suisse|CH", "Svizzera|CH", "Svizra|CH", "Switzerland|CH",
            "Frankreich|FR", "Francia|FR", "Frankrijk|FR", "Italia|IT", "Italien|IT", "España|ES", "Spanien|ES", "Espagne|ES",
            "Nederland|NL", "The Netherlands|NL", "Holland|NL", "Niederlande|NL", "Pays-Bas|NL", "Países Bajos|NL",
            "België|BE", "Belgique|BE", "Belgien|BE", "Luxemburg|LU", "Danmark|DK", "Dänemark|DK", "Sverige|SE", "Schweden|SE",
            "Norge|NO", "Norwegen|NO", "Suomi|FI", "Finnland|FI", "Ísland|IS", "Éire|IE", "Irland|IE", "Republic of Ireland|IE",
            "Polska|PL", "Polen|PL", "Česko|CZ", "Česká republika|CZ", "Czech Rep.|CZ", "Tschechien|CZ", "Slovensko|SK", "Slowakei|SK",
            "Magyarország|HU", "Ungarn|HU", "România|RO", "Rumänien|RO", "Hrvatska|HR", "Kroatien|HR", "Slovenija|SI",
            "Srbija|RS", "България|BG", "Bulgarien|BG", "Ελλάδα|GR", "Hellas|GR", "Griechenland|GR", "Turkey|TR", "Türkei|TR", "Turkiye|TR",
            "Eesti|EE", "Latvija|LV", "Lietuva|LT", "Україна|UA", "Ukraina|UA", "Россия|RU", "Russia|RU", "Rossiya|RU", "Russland|RU",
            "Portugal|PT", "Brasil|BR", "Brasilien|BR", "México|MX", "Mexiko|MX", "Perú|PE", "Kanada|CA",
            "中国|CN", "PRC|CN", "People's Republic of China|CN", "Mainland China|CN", "日本|JP", "Nippon|JP", "Japon|JP",
            "한국|KR", "대한민국|KR", "Korea|KR", "Republic of Korea|KR", "Korea, South|KR", "Korea, North|KP", "DPRK|KP",
            "भारत|IN", "Bharat|IN", "Indien|IN", "Inde|IN", "Australien|AU", "Aotearoa|NZ", "Neuseeland|NZ",
            "UAE|AE", "U.A.E.|AE", "Emirates|AE", "KSA|SA", "Saudi|SA", "Vietnam|VN", "Viet Nam|VN", "Laos|LA", "Burma|MM",
            "Macau|MO", "Brunei|BN", "East Timor|TL", "Cape Verde|CV", "Ivory Coast|CI", "Cote d'Ivoire|CI", "Swaziland|SZ",
            "Macedonia|MK", "FYROM|MK", "Czech Republic|CZ", "Moldavia|MD", "Vatican|VA", "Vatican City|VA", "Holy See|VA",
            "Palestine|PS", "Palestinian Territories|PS", "Micronesia|FM", "Syria|SY", "Iran|IR", "Bolivia|BO", "Venezuela|VE",
            "Tanzania|TZ", "Taiwan|TW", "Republic of China|TW", "Hong Kong SAR|HK", "Macao SAR|MO",
            "DRC|CD", "DR Congo|CD", "Democratic Republic of the Congo|CD", "Congo-Kinshasa|CD", "Congo (Kinshasa)|CD", "Zaire|CD",
            "Republic of the Congo|CG", "Congo-Brazzaville|CG", "Congo (Brazzaville)|CG",
            "The Gambia|GM", "The Bahamas|BS", "British Virgin Islands|VG", "US Virgin Islands|VI", "U.S. Virgin Islands|VI",
            "Saint Martin|MF", "Sint Maarten|SX", "Falkland Islands|FK", "Caribbean Netherlands|BQ", "Bonaire|BQ",
            "Saint Helena|SH", "St Helena|SH", "St Kitts and Nevis|KN", "St Kitts|KN", "St Lucia|LC", "St Vincent|VC",
            "St Vincent and the Grenadines|VC", "St Pierre and Miquelon|PM", "St Barthelemy|BL", "St Barts|BL", "St Martin|MF",
            "Bosnia|BA", "Trinidad|TT", "Antigua|AG", "Pitcairn Islands|PN", "Reunion|RE", "Curacao|CW", "Aland|AX",
        };

        private static readonly CountryInfo[] Countries;
        private static readonly Dictionary<string, CountryInfo> ByKey;

        static CountryCodes()
        {
            Countries = new CountryInfo[IsoRows.Length];
            ByKey = new Dictionary<string, CountryInfo>(1600, CountryKeyComparer.Instance);
            for (int i = 0; i < IsoRows.Length; i++)
            {
                var parts = IsoRows[i].Split('|');
                var country = new CountryInfo(parts[0], parts[1], parts[2]);
                Countries[i] = country;
                Register(parts[0], country);
                Register(parts[1], country);
                for (int p = 2; p < parts.Length; p++) RegisterName(parts[p], country);
            }
            var byAlpha2 = new Dictionary<string, CountryInfo>(StringComparer.Ordinal);
            for (int i = 0; i < Countries.Length; i++) byAlpha2[Countries[i].Alpha2] = Countries[i];
            for (int i = 0; i < Variants.Length; i++)
            {
                int bar = Variants[i].LastIndexOf('|');
                CountryInfo? country;
                if (byAlpha2.TryGetValue(Variants[i].Substring(bar + 1), out country)) Register(Variants[i].Substring(0, bar), country);
            }
        }

        // ISO names also answer without "(French part)"-style notes, with "&" for "and", and with "St" for "Saint".
        private static void RegisterName(string name, CountryInfo country)
        {
            Register(name, country);
            int paren = name.IndexOf(" (", StringComparison.Ordinal);
            if (paren > 0) Register(name.Substring(0, paren), country);
            if (name.IndexOf(" and ", StringComparison.Ordinal) > 0) Register(name.Replace(" and ", " "), country);
            if (name.StartsWith("Saint ", StringComparison.Ordinal)) Register("St " + name.Substring(6), country);
        }

        // The first registration of a key wins, so ISO rows take precedence over variants.
        private static void Register(string key, CountryInfo country)
        {
            if (!ByKey.ContainsKey(key)) ByKey.Add(key, country);
        }

        /// <summary>All 249 ISO 3166-1 countries, ordered by alpha-2.</summary>
        public static IReadOnlyList<CountryInfo> All => Countries;

        /// <summary>
        /// The ISO alpha-2 code for <paramref name="text"/> ("US", "usa", "United States", "Deutschland", "GBR"),
        /// or null when unrecognised or blank. A leading "the" is ignored.
        /// </summary>
        public static string? ToAlpha2(string? text) => Find(text)?.Alpha2;

        /// <summary>The country for <paramref name="text"/>, or null.</summary>
        public static CountryInfo? Find(string? text)
        {
            if (text == null || text.Length > 200) return null;
            CountryInfo? country;
            if (ByKey.TryGetValue(text, out country)) return country;
            var trimmed = StringRanges.TrimToNull(text);
            if (trimmed == null) return null;
            if (trimmed.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && ByKey.TryGetValue(trimmed.Substring(4), out country)) return country;
            return null;
        }

        /// <summary>
        /// Equality over letters and digits only, ignoring case and Latin accents: "U.S.A." = "usa",
        /// "Côte d'Ivoire" = "cote divoire". Allocation-free.
        /// </summary>
        private sealed class CountryKeyComparer : IEqualityComparer<string>
        {
            internal static readonly CountryKeyComparer Instance = new CountryKeyComparer();

            public bool Equals(string? x, string? y)
            {
                if (ReferenceEquals(x, y)) return true;
                if (x == null || y == null) return false;
                int i = 0, j = 0;
                while (true)
                {
                    char a = NextKeyChar(x, ref i);
                    char b = NextKeyChar(y, ref j);
                    if (a != b) return false;
                    if (a == '\0') return true;
                }
            }

            public int GetHashCode(string obj)
            {
                unchecked
                {
                    int hash = (int)2166136261;
                    int i = 0;
                    char c;
                    while ((c = NextKeyChar(obj, ref i)) != '\0') hash = (hash ^ c) * 16777619;
                    return hash;
                }
            }

            // Next significant character, folded; '\0' at the end.
            private static char NextKeyChar(string s, ref int index)
            {
                while (index < s.Length)
                {
                    char c = s[index++];
                    if (c < 128)
                    {
                        if (c >= 'a' && c <= 'z') return (char)(c - 32);
                        if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return c;
                        continue;
                    }
                    if (!char.IsLetterOrDigit(c)) continue;
                    return Fold(c);
                }
                return '\0';
            }

            private static char Fold(char c)
            {
                if (c >= '\u00C0' && c <= '\u017F')
                {
                    char folded = LatinFold[c - '\u00C0'];
                    if (folded != '?') return folded;
                }
                return char.ToUpperInvariant(c);
            }

            // Base letters for U+00C0..U+017F ('?' = no Latin base: keep the upper-cased character).
            private const string LatinFold =
                "AAAAAAACEEEEIIII" + "DNOOOOO?OUUUUYTS" + "AAAAAAACEEEEIIII" + "DNOOOOO?OUUUUYTY" + // 00C0-00FF
                "AAAAAACCCCCCCCDD" + "DDEEEEEEEEEEGGGG" + "GGGGHHHHIIIIIIII" + "IIIIJJKKKLLLLLLL" + // 0100-013F
                "LLLNNNNNNNNNOOOO" + "OOOORRRRRRSSSSSS" + "SSTTTTTTUUUUUUUU" + "UUUUWWYYYZZZZZZS";   // 0140-017F
        }
    }
}
