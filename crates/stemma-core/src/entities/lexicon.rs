//! Word lists for entity finding: given names, a gazetteer, demonyms, organisation heads, titles
//! and the capitalised function words that are never names. Every word is looked up lower-cased
//! in one table that answers with a set of [`flags`](self).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A small multiplicative hasher for short keys: the tables are ours, not attacker-chosen.
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl WordHasher {
    fn add(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
    }
}

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut v = [0u8; 8];
            v.copy_from_slice(c);
            self.add(u64::from_le_bytes(v));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut v = 0u64;
            for (k, &b) in rest.iter().enumerate() {
                v |= u64::from(b) << (8 * k);
            }
            self.add(v);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

pub(crate) type Fast = BuildHasherDefault<WordHasher>;
pub(crate) type FastMap<K, V> = HashMap<K, V, Fast>;

/// A common given name (any language the news writes in Latin script).
pub const GIVEN: u32 = 1;
/// A one-word place in the gazetteer.
pub const PLACE: u32 = 1 << 1;
/// "Russian", "Syrians": names a place's people, not the place.
pub const DEMONYM: u32 = 1 << 2;
/// Last word of an organisation name ("Party", "Front", "Times").
pub const ORG_HEAD: u32 = 1 << 3;
/// First word of an organisation name ("Ministry of …", "Jabhat …").
pub const ORG_PRE: u32 = 1 << 4;
/// A word that names an organisation by itself ("Hezbollah", "Qaeda", "Kremlin").
pub const ORG_NAME: u32 = 1 << 5;
/// The head of a title or role ("Minister", "spokesman").
pub const TITLE: u32 = 1 << 6;
/// A word that qualifies a title ("Foreign", "Prime", "former").
pub const ROLE_MOD: u32 = 1 << 7;
/// Mr, Mrs, Ms: marks a person without being a role.
pub const COURTESY: u32 = 1 << 8;
/// A function word that is capitalised only at the start of a sentence.
pub const STOP: u32 = 1 << 9;
/// Weekdays and months.
pub const TIME: u32 = 1 << 10;
/// A news agency: "(Reuters)" after a dateline is a credit, not an alias.
pub const AGENCY: u32 = 1 << 11;
/// A word too common in names to identify one alone ("National", "North").
pub const GENERIC: u32 = 1 << 12;
/// A word that takes an "of" complement inside a name ("Republic of …", "Bay of …").
pub const OF_HEAD: u32 = 1 << 13;
/// A reporting verb: a capitalised word right before it is probably a person.
pub const SPEECH: u32 = 1 << 14;
/// A word naming the members of a group that campaigns *for* something: "Citizens for Honest
/// Trade", "Americans for Prosperity", "Physicians for Human Rights", "Democracy for America".
pub const MEMBERS: u32 = 1 << 15;

/// A trade that ends a business's name after a word of its own ("Tidewell Ferries", "Ceres
/// Robotics", "Liberty Mutual Insurance"); alone ("Insurance", "Solutions": a menu or a
/// heading) it names nothing.
pub const TRADE: u32 = 1 << 16;

/// A common noun that describes a person, written before a full name at the start of a
/// sentence ("Employee Steve Castro", "Witness Amira Haddad"): a role there, not a first name,
/// when a given name follows. Not a title: "Resident Evil" and "Employee Assistance Program"
/// stay names.
pub const DESCRIPTOR: u32 = 1 << 17;

/// A word for a feature of the land or sea that ends a place's name after a word of its own
/// ("Lynn Lake", "Thunder Bay", "Silicon Valley", "Orange County") or opens one before "of"
/// ("Bay of Fundy"): such a name is a place unless the text makes it a person (a title,
/// "Ms.", a verb of saying: "Ricki Lake said").
pub const PLACE_HEAD: u32 = 1 << 18;

/// Words that never make a name distinctive on their own.
pub const NOT_DISTINCT: u32 = PLACE
    | DEMONYM
    | ORG_HEAD
    | ORG_PRE
    | TITLE
    | ROLE_MOD
    | COURTESY
    | STOP
    | TIME
    | GENERIC
    | OF_HEAD;

#[rustfmt::skip]
const GIVEN_NAMES: &[&str] = &[
    // English
    "john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas",
    "charles", "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul",
    "andrew", "joshua", "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward",
    "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen",
    "larry", "justin", "scott", "brandon", "benjamin", "samuel", "gregory", "alexander", "frank",
    "patrick", "raymond", "jack", "dennis", "jerry", "tyler", "aaron", "adam", "nathan", "henry",
    "douglas", "zachary", "peter", "kyle", "ethan", "walter", "noah", "jeremy", "christian",
    "keith", "roger", "terry", "gerald", "harold", "sean", "austin", "carl", "arthur", "lawrence",
    "dylan", "jesse", "bryan", "billy", "bruce", "gabriel", "logan", "albert", "willie", "alan",
    "wayne", "elijah", "randy", "roy", "vincent", "ralph", "eugene", "russell", "bobby", "philip",
    "louis", "barack", "bill", "hillary", "joe", "mitt", "newt", "ted", "marco", "rand", "chris",
    "jeb", "bernie", "mike", "tim", "jim", "tom", "bob", "dan", "ben", "sam", "steve", "dave",
    "nick", "matt", "tony", "rob", "ron", "ken", "greg", "rick", "andy", "alex", "kate", "liz",
    "sue", "jen", "beth", "meg", "jill", "mary", "patricia", "jennifer", "linda", "elizabeth",
    "barbara", "susan", "jessica", "sarah", "karen", "nancy", "lisa", "betty", "margaret",
    "sandra", "ashley", "kimberly", "emily", "donna", "michelle", "dorothy", "carol", "amanda",
    "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy",
    "shirley", "angela", "helen", "anna", "brenda", "pamela", "nicole", "emma", "samantha",
    "katherine", "christine", "debra", "rachel", "catherine", "carolyn", "janet", "ruth", "maria",
    "heather", "diane", "julie", "joyce", "victoria", "olivia", "kelly", "christina", "lauren",
    "joan", "evelyn", "judith", "megan", "cheryl", "andrea", "hannah", "martha", "jacqueline",
    "frances", "gloria", "ann", "teresa", "kathryn", "sara", "janice", "jean", "alice", "abigail",
    "julia", "judy", "grace", "denise", "amber", "marilyn", "beverly", "danielle", "theresa",
    "sophia", "marie", "diana", "natalie", "isabella", "charlotte", "rose", "alexis", "jane",
    "condoleezza", "madeleine", "elena", "kamala", "nikki", "sarah", "debbie", "marsha",
    "adrian", "aidan", "alfred", "allen", "alvin", "andre", "angelo", "arnold", "barry",
    "bernard", "blake", "brad", "bradley", "brent", "brett", "caleb", "calvin", "cameron",
    "cedric", "chad", "charlie", "chuck", "clarence", "claude", "clayton", "clifford", "clint",
    "cody", "colin", "connor", "corey", "craig", "curtis", "dale", "damian", "darren", "darryl",
    "dean", "derek", "devin", "dominic", "doug", "duane", "dustin", "dwayne", "earl", "eddie",
    "edgar", "edwin", "eli", "elliott", "emmett", "ernest", "evan", "felix", "floyd", "francis",
    "franklin", "fred", "freddie", "garrett", "gavin", "gene", "gilbert", "glenn", "hank",
    "harry", "harvey", "hector", "herbert", "herman", "howard", "hugh", "ian", "isaac", "jake",
    "jared", "jay", "jeff", "jeffery", "jerome", "jimmy", "joel", "johnny", "jon", "jonah",
    "julian", "julio", "kurt", "lance", "leon", "leonard", "leroy", "lewis", "liam", "lloyd",
    "lucas", "luke", "malcolm", "marcus", "marshall", "martin", "marvin", "melvin", "mitch",
    "mitchell", "neil", "nolan", "norman", "oliver", "oscar", "owen", "perry", "phil",
    "phillip", "preston", "quentin", "ralph", "ramon", "randall", "reggie", "ricky", "rod",
    "rodney", "roland", "ross", "ruben", "rudy", "russ", "salvador", "seth", "shane", "shawn",
    "simon", "spencer", "stanley", "stuart", "theodore", "todd", "tommy", "travis", "trevor",
    "troy", "tyrone", "vernon", "victor", "vince", "wade", "wallace", "warren", "wesley",
    "wyatt", "zach", "abby", "adriana", "alexandra", "alicia", "alison", "allison", "alyssa",
    "amelia", "anita", "annie", "ariana", "audrey", "becky", "belinda", "bonnie", "brianna",
    "brittany", "brooke", "caitlin", "camila", "candace", "carla", "carmen", "caroline",
    "cassandra", "cathy", "chelsea", "chloe", "cindy", "claire", "clara", "claudia", "colleen",
    "connie", "courtney", "daisy", "dana", "darlene", "dawn", "deanna", "dolores", "eileen",
    "elaine", "eleanor", "elise", "ella", "ellie", "erica", "erin", "esther", "eva", "felicia",
    "fiona", "gabriela", "gail", "gina", "gwen", "haley", "harriet", "hazel", "holly", "ingrid",
    "irene", "iris", "isabel", "jackie", "jasmine", "jenna", "jenny", "jessie", "joanna",
    "jodi", "josephine", "juanita", "kara", "karla", "kathy", "katie", "kayla", "kendra",
    "kristen", "kristin", "lara", "latoya", "leah", "leslie", "letitia", "lillian", "lily",
    "lindsey", "lorena", "loretta", "lori", "lorraine", "lucia", "lucy", "lydia", "lynn",
    "mackenzie", "maggie", "marcia", "margot", "marian", "marina", "marisa", "marjorie",
    "marlene", "maureen", "maya", "melanie", "melinda", "mia", "miranda", "molly", "monica",
    "nadia", "naomi", "nina", "nora", "norma", "paige", "paula", "pauline", "peggy",
    "phyllis", "priscilla", "rachael", "renee", "rita", "roberta", "rosa", "rosemary",
    "sabrina", "sally", "sandy", "selena", "shannon", "sheila", "sherry", "silvia", "sofia",
    "stacy", "stella", "sylvia", "tamara", "tammy", "tanya", "tara", "tina", "tracy", "valerie",
    "vanessa", "vera", "veronica", "vicki", "wanda", "wendy", "yvonne", "zoe", "casey",
    "reginaldo", "eduardo", "ricardo", "rodrigo", "marcelo", "adam", "ivo", "lena", "hal",
    // Russian, Ukrainian and other Slavic
    "sergey", "sergei", "vladimir", "dmitry", "dmitri", "mikhail", "alexei", "alexey", "andrei",
    "andrey", "ivan", "nikolai", "igor", "yuri", "oleg", "boris", "viktor", "olga", "tatiana",
    "natalia", "svetlana", "yelena", "irina", "valentina", "maxim", "pavel", "anatoly", "gennady",
    "vitaly", "evgeny", "yevgeny", "leonid", "arseniy", "petro", "volodymyr", "yulia", "ramzan",
    "alexander", "aleksandr", "grigory", "konstantin", "ludmila", "lyudmila", "zbigniew",
    "jaroslaw", "lech", "milos", "tomas", "tomasz", "slobodan", "aleksandar", "janez",
    // Arabic, Persian, Turkish, Hebrew
    "mohammed", "muhammad", "mohammad", "mohamed", "ahmed", "ahmad", "ali", "hassan", "hussein",
    "hussain", "omar", "umar", "abdullah", "abdul", "khalid", "khaled", "mahmoud", "mustafa",
    "ibrahim", "youssef", "yousef", "yusuf", "bashar", "hafez", "saddam", "ayman", "osama",
    "bakr", "hamad", "salman", "faisal", "fahd", "nasser", "walid", "tariq", "karim", "rami",
    "fatima", "aisha", "leila", "layla", "zainab", "hosni", "anwar", "moammar", "muammar",
    "recep", "tayyip", "ahmet", "mehmet", "javad", "hamid", "reza", "akbar", "hassan", "yitzhak",
    "ehud", "ariel", "shimon", "avigdor", "naftali", "benny", "abdel", "fattah", "saad", "haider",
    "nouri", "masoud", "jalal", "sergio",
    // Western European and Latin American
    "pierre", "francois", "françois", "emmanuel", "nicolas", "jacques", "marine", "helmut",
    "gerhard", "wolfgang", "olaf", "hans", "klaus", "jurgen", "jürgen", "heinz", "karl",
    "friedrich", "markus", "matteo", "giuseppe", "giovanni", "mario", "silvio", "luigi", "paolo",
    "carlos", "juan", "jose", "josé", "luis", "miguel", "pedro", "pablo", "javier", "antonio",
    "manuel", "francisco", "mariano", "alberto", "felipe", "fernando", "sebastian", "diego",
    "rafael", "joao", "joão", "luiz", "dilma", "jair", "andrzej", "alexis", "jens", "mark",
    "ursula", "christine", "federica", "josep", "donald", "enrique", "evo", "nicolás", "hugo",
    "cristina", "mauricio", "alvaro", "álvaro", "ivan", "gustavo", "gabriel", "ricardo",
    "jorge", "raul", "raúl", "fidel", "angela", "annegret", "frank", "sigmar", "horst",
    "boris", "theresa", "gordon", "tony", "david", "nigel", "jeremy", "nicola", "keir",
    // Asian and African
    "xi", "jinping", "shinzo", "yoshihide", "fumio", "narendra", "rahul", "manmohan", "sonia",
    "imran", "nawaz", "benazir", "shehbaz", "aung", "kofi", "joko", "rodrigo", "nelson", "cyril",
    "thabo", "muhammadu", "goodluck", "uhuru", "yoweri", "ellen", "abiy", "jacob", "robert",
    "hamid", "ashraf", "recep", "kim", "jae", "park", "moon", "ban", "lee", "hun", "thaksin",
    "yingluck", "najib", "mahathir", "anwar", "susilo", "megawati",
];

#[rustfmt::skip]
const PLACES_ONE: &[&str] = &[
    // countries
    "afghanistan", "albania", "algeria", "andorra", "angola", "argentina", "armenia",
    "australia", "austria", "azerbaijan", "bahamas", "bahrain", "bangladesh", "barbados",
    "belarus", "belgium", "belize", "benin", "bhutan", "bolivia", "bosnia", "botswana", "brazil",
    "brunei", "bulgaria", "burundi", "cambodia", "cameroon", "canada", "chad", "chile", "china",
    "colombia", "comoros", "congo", "croatia", "cuba", "cyprus", "czechia", "denmark", "djibouti",
    "dominica", "ecuador", "egypt", "eritrea", "estonia", "eswatini", "ethiopia", "fiji",
    "finland", "france", "gabon", "gambia", "georgia", "germany", "ghana", "greece", "grenada",
    "guatemala", "guinea", "guyana", "haiti", "honduras", "hungary", "iceland", "india",
    "indonesia", "iran", "iraq", "ireland", "israel", "italy", "jamaica", "japan", "jordan",
    "kazakhstan", "kenya", "kiribati", "kosovo", "kuwait", "kyrgyzstan", "laos", "latvia",
    "lebanon", "lesotho", "liberia", "libya", "liechtenstein", "lithuania", "luxembourg",
    "madagascar", "malawi", "malaysia", "maldives", "mali", "malta", "mauritania", "mauritius",
    "mexico", "micronesia", "moldova", "monaco", "mongolia", "montenegro", "morocco",
    "mozambique", "myanmar", "burma", "namibia", "nauru", "nepal", "netherlands", "holland",
    "nicaragua", "niger", "nigeria", "norway", "oman", "pakistan", "palau", "palestine",
    "panama", "paraguay", "peru", "philippines", "poland", "portugal", "qatar", "romania",
    "russia", "rwanda", "samoa", "senegal", "serbia", "seychelles", "singapore", "slovakia",
    "slovenia", "somalia", "spain", "sudan", "suriname", "sweden", "switzerland", "syria",
    "taiwan", "tajikistan", "tanzania", "thailand", "togo", "tonga", "tunisia", "turkey",
    "turkmenistan", "tuvalu", "uganda", "ukraine", "uruguay", "uzbekistan", "vanuatu",
    "venezuela", "vietnam", "yemen", "zambia", "zimbabwe", "america", "britain", "england",
    "scotland", "wales", "us", "usa", "uk", "uae", "drc", "dprk", "prc", "ny", "nyc", "dc",
    // regions and territories
    "europe", "asia", "africa", "antarctica", "oceania", "arctic", "balkans", "caucasus",
    "levant", "sahel", "scandinavia", "kashmir", "donbas", "donbass", "darfur", "sinai",
    "kurdistan", "tibet", "xinjiang", "crimea", "chechnya", "gaza", "golan", "catalonia",
    "siberia", "patagonia", "punjab", "bavaria", "flanders", "quebec", "ontario", "kosovo",
    // US states
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
    "delaware", "florida", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas",
    "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
    "mississippi", "missouri", "montana", "nebraska", "nevada", "ohio", "oklahoma", "oregon",
    "pennsylvania", "tennessee", "texas", "utah", "vermont", "virginia", "washington",
    "wisconsin", "wyoming",
    // capitals and large cities
    "idlib", "aleppo", "homs", "hama", "raqqa", "latakia", "damascus", "palmyra", "mosul",
    "fallujah", "ramadi", "tikrit", "kirkuk", "erbil", "basra", "baghdad", "tehran", "ankara",
    "istanbul", "cairo", "alexandria", "riyadh", "jeddah", "mecca", "medina", "doha", "dubai",
    "amman", "beirut", "jerusalem", "ramallah", "hebron", "sanaa", "aden", "tripoli",
    "benghazi", "tunis", "algiers", "rabat", "casablanca", "khartoum", "kabul", "kandahar",
    "islamabad", "karachi", "lahore", "delhi", "mumbai", "kolkata", "chennai", "bangalore",
    "beijing", "shanghai", "guangzhou", "shenzhen", "tokyo", "osaka", "seoul", "pyongyang",
    "taipei", "manila", "jakarta", "bangkok", "hanoi", "yangon", "dhaka", "kathmandu", "colombo",
    "moscow", "kiev", "kyiv", "minsk", "warsaw", "berlin", "paris", "london", "madrid", "rome",
    "lisbon", "brussels", "amsterdam", "vienna", "prague", "budapest", "bucharest", "sofia",
    "athens", "belgrade", "zagreb", "sarajevo", "stockholm", "oslo", "copenhagen", "helsinki",
    "dublin", "geneva", "zurich", "bern", "munich", "frankfurt", "hamburg", "cologne", "milan",
    "naples", "barcelona", "marseille", "lyon", "strasbourg", "edinburgh", "manchester",
    "liverpool", "birmingham", "ottawa", "toronto", "montreal", "vancouver", "chicago", "boston",
    "houston", "dallas", "miami", "atlanta", "seattle", "philadelphia", "detroit", "baltimore",
    "denver", "phoenix", "brasilia", "caracas", "bogota", "lima", "santiago", "havana", "quito",
    "montevideo", "nairobi", "lagos", "abuja", "johannesburg", "pretoria", "kinshasa", "luanda",
    "dakar", "accra", "harare", "kampala", "mogadishu", "sydney", "melbourne", "canberra",
    "auckland", "wellington", "tbilisi", "yerevan", "baku", "astana", "tashkent", "donetsk",
    "luhansk", "sevastopol", "odessa", "kharkiv", "kharkov", "mariupol", "lviv", "minsk",
    "vilnius", "riga", "tallinn", "reykjavik", "brussels", "luxembourg", "valletta", "nicosia",
    "kabul", "tripoli", "mosul", "aden", "taiz", "hodeidah", "sirte", "misrata", "benghazi",
    // Canada: provinces and territories, cities
    "alberta", "saskatchewan", "manitoba", "yukon", "nunavut", "newfoundland", "labrador",
    "calgary", "edmonton", "winnipeg", "halifax", "saskatoon", "mississauga", "brampton",
    "gatineau", "sherbrooke", "sudbury", "moncton", "fredericton", "charlottetown",
    "yellowknife", "whitehorse", "iqaluit", "kelowna", "kamloops", "nanaimo", "lethbridge",
    "burnaby", "guelph", "oshawa",
    // Australia, Britain and Ireland
    "queensland", "tasmania", "brisbane", "perth", "hobart", "glasgow", "cardiff", "belfast",
    "leeds", "sheffield", "bristol", "nottingham", "leicester", "coventry", "southampton",
    "portsmouth", "aberdeen", "dundee", "swansea", "galway",
    // Europe
    "porto", "seville", "bilbao", "malaga", "turin", "venice", "genoa", "bologna", "palermo",
    "toulouse", "bordeaux", "lille", "nantes", "marseilles", "rotterdam", "antwerp", "ghent",
    "stuttgart", "dresden", "leipzig", "hanover", "düsseldorf", "dusseldorf", "salzburg",
    "krakow", "kraków", "gdansk", "wroclaw", "bratislava", "ljubljana", "skopje", "tirana",
    "podgorica", "chisinau", "thessaloniki", "izmir", "gothenburg", "malmo", "malmö", "aarhus",
    // Asia and the Middle East
    "wuhan", "chengdu", "chongqing", "tianjin", "nanjing", "hangzhou", "macau", "busan",
    "incheon", "kyoto", "yokohama", "hiroshima", "nagasaki", "okinawa", "fukushima",
    "hyderabad", "ahmedabad", "pune", "jaipur", "lucknow", "kerala", "bihar", "gujarat",
    "maharashtra", "rajasthan", "karnataka", "assam", "odisha", "peshawar", "quetta",
    "rawalpindi", "herat", "kunduz", "chittagong", "penang", "cebu", "davao", "mindanao",
    "surabaya", "bali", "almaty", "bishkek", "dushanbe", "ashgabat", "ulaanbaatar",
    "vientiane", "haifa", "nablus", "jenin", "rafah", "sidon", "tabriz", "isfahan", "mashhad",
    "shiraz", "najaf", "karbala", "muscat", "manama",
    // Africa and Latin America
    "durban", "mombasa", "kigali", "lusaka", "maputo", "windhoek", "gaborone", "abidjan",
    "bamako", "niamey", "ouagadougou", "conakry", "freetown", "monrovia", "juba", "kano",
    "maiduguri", "goma", "bujumbura", "dodoma", "asmara", "antananarivo", "guadalajara",
    "monterrey", "tijuana", "juarez", "medellin", "medellín", "asuncion", "asunción",
    "valparaiso", "recife", "managua", "tegucigalpa",
    // United States: cities
    "indianapolis", "jacksonville", "nashville", "memphis", "portland", "louisville",
    "milwaukee", "albuquerque", "tucson", "sacramento", "omaha", "minneapolis", "tampa",
    "pittsburgh", "cincinnati", "anchorage", "honolulu", "boise", "hartford", "tallahassee",
    "spokane", "tacoma", "knoxville", "chattanooga", "fresno", "oakland", "manhattan", "bronx",
    "harlem",
];

#[rustfmt::skip]
const PLACES_MULTI: &[&str] = &[
    "united states", "united states of america", "united kingdom", "great britain",
    "united arab emirates", "saudi arabia", "south africa", "south korea", "north korea",
    "south sudan", "new zealand", "sri lanka", "costa rica", "el salvador", "burkina faso",
    "sierra leone", "ivory coast", "czech republic", "dominican republic",
    "central african republic", "papua new guinea", "east timor", "cape verde",
    "soviet union", "russian federation", "west bank", "gaza strip", "golan heights",
    "middle east", "near east", "far east", "north africa", "east africa", "west africa",
    "southern africa", "horn of africa", "southeast asia", "south asia", "central asia",
    "east asia", "latin america", "south america", "north america", "central america",
    "eastern europe", "western europe", "persian gulf", "hong kong", "new york", "new york city",
    "los angeles", "san francisco", "new delhi", "tel aviv", "mexico city", "rio de janeiro",
    "sao paulo", "são paulo", "buenos aires", "kuala lumpur", "abu dhabi", "deir ez zor",
    "deir ezzor", "new jersey", "new mexico", "new hampshire", "north carolina",
    "south carolina", "north dakota", "south dakota", "west virginia", "rhode island",
    "las vegas", "san diego", "st petersburg", "saint petersburg", "washington dc",
    "cape town", "addis ababa", "ho chi minh city", "new orleans", "salt lake city",
    "kansas city", "south ossetia", "nagorno karabakh", "western sahara", "east jerusalem",
    "east ghouta", "eastern ghouta", "south china sea", "black sea", "red sea",
    "mediterranean sea", "baltic sea", "north sea", "caspian sea", "asia pacific",
    "british columbia", "new brunswick", "nova scotia", "prince edward island",
    "northwest territories", "quebec city", "thunder bay", "red deer", "fort mcmurray",
    "new south wales", "western australia", "south australia", "northern territory",
    "gold coast", "northern ireland", "isle of man", "uttar pradesh", "madhya pradesh",
    "andhra pradesh", "tamil nadu", "west bengal", "dar es salaam", "san antonio", "san jose",
    "fort worth", "el paso", "oklahoma city", "long beach", "virginia beach",
    "colorado springs", "des moines", "little rock", "santa fe", "baton rouge", "ann arbor",
    "grand rapids", "palm beach", "fort lauderdale", "st louis", "saint louis",
    "guatemala city", "panama city", "santo domingo", "san juan", "la paz", "porto alegre",
    "belo horizonte", "phnom penh", "kuwait city",
];

/// Other names of the same place, to the name the gazetteer keeps.
const PLACE_SYNONYMS: &[(&str, &str)] = &[
    ("us", "united states"),
    ("usa", "united states"),
    ("america", "united states"),
    ("united states of america", "united states"),
    ("uk", "united kingdom"),
    ("britain", "united kingdom"),
    ("great britain", "united kingdom"),
    ("uae", "united arab emirates"),
    ("dprk", "north korea"),
    ("prc", "china"),
    ("kiev", "kyiv"),
    ("kharkov", "kharkiv"),
    ("russian federation", "russia"),
    ("holland", "netherlands"),
    ("czechia", "czech republic"),
    ("deir ezzor", "deir ez zor"),
    ("saint petersburg", "st petersburg"),
    ("new york city", "new york"),
    ("eastern ghouta", "east ghouta"),
    ("burma", "myanmar"),
    ("ny", "new york"),
    ("nyc", "new york"),
    ("dc", "washington dc"),
];

/// Demonym (or adjective of a place) to the place, as the gazetteer names it.
const DEMONYMS: &[(&str, &str)] = &[
    ("american", "united states"),
    ("russian", "russia"),
    ("syrian", "syria"),
    ("british", "united kingdom"),
    ("french", "france"),
    ("german", "germany"),
    ("chinese", "china"),
    ("iranian", "iran"),
    ("iraqi", "iraq"),
    ("israeli", "israel"),
    ("palestinian", "palestine"),
    ("turkish", "turkey"),
    ("saudi", "saudi arabia"),
    ("egyptian", "egypt"),
    ("lebanese", "lebanon"),
    ("jordanian", "jordan"),
    ("kurdish", "kurdistan"),
    ("ukrainian", "ukraine"),
    ("european", "europe"),
    ("african", "africa"),
    ("asian", "asia"),
    ("qatari", "qatar"),
    ("emirati", "united arab emirates"),
    ("yemeni", "yemen"),
    ("libyan", "libya"),
    ("afghan", "afghanistan"),
    ("pakistani", "pakistan"),
    ("indian", "india"),
    ("japanese", "japan"),
    ("korean", "south korea"),
    ("italian", "italy"),
    ("spanish", "spain"),
    ("canadian", "canada"),
    ("mexican", "mexico"),
    ("brazilian", "brazil"),
    ("australian", "australia"),
    ("polish", "poland"),
    ("dutch", "netherlands"),
    ("swedish", "sweden"),
    ("norwegian", "norway"),
    ("danish", "denmark"),
    ("finnish", "finland"),
    ("greek", "greece"),
    ("belarusian", "belarus"),
    ("georgian", "georgia"),
    ("armenian", "armenia"),
    ("azerbaijani", "azerbaijan"),
    ("kazakh", "kazakhstan"),
    ("uzbek", "uzbekistan"),
    ("cuban", "cuba"),
    ("venezuelan", "venezuela"),
    ("colombian", "colombia"),
    ("argentine", "argentina"),
    ("argentinian", "argentina"),
    ("chilean", "chile"),
    ("peruvian", "peru"),
    ("nigerian", "nigeria"),
    ("kenyan", "kenya"),
    ("ethiopian", "ethiopia"),
    ("somali", "somalia"),
    ("sudanese", "sudan"),
    ("algerian", "algeria"),
    ("moroccan", "morocco"),
    ("tunisian", "tunisia"),
    ("irish", "ireland"),
    ("scottish", "scotland"),
    ("english", "england"),
    ("welsh", "wales"),
    ("swiss", "switzerland"),
    ("austrian", "austria"),
    ("belgian", "belgium"),
    ("portuguese", "portugal"),
    ("hungarian", "hungary"),
    ("czech", "czech republic"),
    ("romanian", "romania"),
    ("bulgarian", "bulgaria"),
    ("serbian", "serbia"),
    ("croatian", "croatia"),
    ("bosnian", "bosnia"),
    ("albanian", "albania"),
    ("vietnamese", "vietnam"),
    ("thai", "thailand"),
    ("indonesian", "indonesia"),
    ("filipino", "philippines"),
    ("malaysian", "malaysia"),
    ("bangladeshi", "bangladesh"),
    ("nepali", "nepal"),
    ("bahraini", "bahrain"),
    ("kuwaiti", "kuwait"),
    ("omani", "oman"),
    ("soviet", "soviet union"),
    ("texan", "texas"),
    ("californian", "california"),
    ("muscovite", "moscow"),
    ("londoner", "london"),
    ("crimean", "crimea"),
    ("chechen", "chechnya"),
    ("gazan", "gaza"),
    ("moldovan", "moldova"),
];

#[rustfmt::skip]
const ORG_HEADS: &[&str] = &[
    "party", "front", "ministry", "department", "committee", "council", "agency", "army",
    "coalition", "campaign", "inc", "corp", "corporation", "co", "ltd", "llc", "plc", "company",
    "group", "news", "times", "post", "university", "institute", "institution", "foundation",
    "association", "society", "union", "league", "alliance", "federation", "organization",
    "organisation", "commission", "bureau", "office", "service", "services", "force", "forces",
    "brigade", "brigades", "battalion", "militia", "movement", "network", "center", "centre",
    "bank", "fund", "trust", "court", "parliament", "congress", "senate", "assembly",
    "government", "administration", "police", "guard", "guards", "navy", "airlines", "airways",
    "motors", "industries", "holdings", "technologies", "systems", "media", "press", "journal",
    "herald", "tribune", "guardian", "telegraph", "gazette", "observer", "monitor", "review",
    "magazine", "daily", "weekly", "chronicle", "express", "mail", "standard", "broadcasting",
    "television", "tv", "radio", "channel", "observatory", "board", "authority", "academy",
    "college", "school", "hospital", "museum", "church", "club", "cabinet", "secretariat",
    "directorate", "caliphate", "fc", "ag", "gmbh", "sa", "partners", "capital", "reserve",
    "command", "corps", "regiment", "division", "ngo", "watch", "initiative", "caucus", "pac",
    "brothers", "sisters", "laboratory", "laboratories", "enforcement",
];

/// Words of a trade that end a business's name after its own name (see [`TRADE`]).
#[rustfmt::skip]
const TRADE_WORDS: &[&str] = &[
    "ferries", "railways", "railway", "airline", "shipping", "logistics", "energy",
    "pharmaceuticals", "pharma", "foods", "brands", "enterprises", "labs", "laboratories",
    "solutions", "utilities", "telecom", "communications", "insurance", "investments", "ventures",
    "studios", "entertainment", "publishing", "petroleum",
    "properties", "hotels", "robotics", "aerospace", "automotive", "semiconductors", "hydro",
    "transit",
];

/// Heads of place names (see [`PLACE_HEAD`]). Heads that are common surnames ("Hill",
/// "Wood", "Rivers", "Brooks", "Field") are left out.
#[rustfmt::skip]
const PLACE_HEADS: &[&str] = &[
    "lake", "lakes", "river", "creek", "bay", "island", "islands", "isle", "falls", "valley",
    "harbour", "harbor", "peninsula", "mountains", "county", "township", "canyon", "glacier",
    "reservoir", "fjord", "archipelago", "plateau", "basin", "coast", "heights", "springs",
    "beach", "sea", "gulf", "strait", "ocean", "prairie", "desert",
];

/// Nouns describing a person before a full name (see [`DESCRIPTOR`]). Words that are also
/// common surnames ("Farmer", "Baker", "Cook", "Mason") are left out.
#[rustfmt::skip]
const DESCRIPTORS: &[&str] = &[
    "employee", "worker", "witness", "resident", "neighbor", "neighbour", "shopkeeper", "nurse",
    "driver", "customer", "passenger", "survivor", "volunteer", "organizer", "organiser",
    "protester", "protestor", "engineer", "pilot", "firefighter", "paramedic", "vendor",
    "shopper", "voter", "parent", "tenant", "landlord", "homeowner", "retiree", "veteran",
    "miner", "trucker", "artist", "designer", "chef", "consultant", "contractor", "developer",
    "entrepreneur", "investor", "trader", "banker", "broker", "accountant", "clerk", "cashier",
    "bartender", "waiter", "waitress", "soldier", "trooper", "principal", "librarian",
    "pharmacist", "dentist", "therapist", "psychologist", "psychiatrist", "epidemiologist",
    "biologist", "chemist", "physicist", "meteorologist", "forecaster", "attendee", "spectator",
    "athlete", "player", "rancher", "grower", "mechanic", "electrician", "plumber", "welder",
    "caregiver", "commuter", "motorist", "cyclist", "pedestrian", "rival", "challenger",
    "opponent", "incumbent",
];

/// Words naming members (see [`MEMBERS`]).
#[rustfmt::skip]
const MEMBER_WORDS: &[&str] = &[
    "citizens", "americans", "democracy", "physicians", "doctors", "lawyers", "scientists",
    "students", "parents", "mothers", "veterans", "families", "taxpayers", "voters", "women",
    "people", "neighbors", "neighbours", "residents", "farmers", "workers", "teachers", "nurses",
    "consumers", "patients", "conservatives", "progressives", "republicans", "democrats",
    "evangelicals", "catholics", "christians",
];

#[rustfmt::skip]
const ORG_PRES: &[&str] = &[
    "department", "ministry", "university", "bank", "institute", "school", "college", "office",
    "bureau", "council", "committee", "commission", "board", "court", "church", "league",
    "union", "federation", "association", "society", "organization", "organisation", "museum",
    "academy", "agency", "army", "party", "front", "jabhat", "harakat", "hizb", "tehreek",
    "tehrik", "jaish", "ansar", "ahrar", "kataib", "liwa", "majlis", "jamaat", "jamaah",
    "movement", "centre", "center", "house", "chamber", "friends", "coalition", "federal",
    "banco", "groupe", "partido",
];

#[rustfmt::skip]
const ORG_NAMES: &[&str] = &[
    "qaeda", "alqaeda", "hamas", "hezbollah", "hizbollah", "hizballah", "taliban", "isis",
    "isil", "daesh", "nusra", "pkk", "ypg", "sdf", "fsa", "nato", "un", "eu", "opec", "who",
    "imf", "wto", "fifa", "unesco", "unicef", "unhcr", "cia", "fbi", "nsa", "kgb", "fsb", "gru",
    "mossad", "pentagon", "kremlin", "knesset", "duma", "reuters", "ap", "afp", "bbc", "cnn",
    "nbc", "abc", "cbs", "fox", "msnbc", "npr", "pbs", "tass", "ria", "sputnik", "rt", "xinhua",
    "google", "apple", "microsoft", "amazon", "facebook", "twitter", "gazprom", "rosneft",
    "exxon", "exxonmobil", "boeing", "airbus", "toyota", "interpol", "europol", "asean", "osce",
    "unesco", "upi", "dpa", "efe", "ansa", "anadolu", "kyodo", "yonhap", "bloomberg", "hts",
    "aqap", "aqim", "shabab", "houthis", "houthi", "wagner", "nasdaq", "olympics", "nissan",
    "volkswagen", "honda", "hyundai", "bmw", "tesla", "samsung", "sony", "huawei", "alibaba",
    "tencent", "netflix", "uber", "walmart", "pfizer", "siemens", "nokia", "intel", "ibm",
    "oracle", "shell", "chevron", "unilever", "nestle", "nestlé", "ikea", "spotify", "youtube",
    "instagram", "whatsapp", "linkedin", "tiktok", "paypal", "visa", "mastercard", "disney",
    "hezb", "medicaid", "medicare", "audi", "mercedes", "porsche", "ferrari", "fiat", "renault",
    "peugeot", "kia", "mazda", "subaru", "lexus", "chevrolet", "gm", "volvo",
];

#[rustfmt::skip]
const AGENCIES: &[&str] = &[
    "reuters", "ap", "afp", "tass", "ria", "xinhua", "upi", "dpa", "efe", "ansa", "anadolu",
    "bloomberg", "sputnik", "cnn", "bbc", "kyodo", "yonhap", "ians", "pti", "bernama", "irna",
    "sana", "wafa", "mena", "interfax", "ukrinform",
];

#[rustfmt::skip]
const TITLES: &[&str] = &[
    "president", "minister", "secretary", "senator", "sen", "representative", "rep",
    "congressman", "congresswoman", "governor", "gov", "mayor", "chancellor", "premier",
    "ambassador", "envoy", "general", "gen", "admiral", "adm", "colonel", "col", "lieutenant",
    "lt", "captain", "capt", "sergeant", "sgt", "major", "maj", "commander", "cmdr", "chief",
    "director", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair",
    "chairperson", "commissioner", "judge", "justice", "king", "queen", "prince", "princess",
    "emir", "sheikh", "sheik", "pope", "cardinal", "bishop", "archbishop", "rabbi", "imam",
    "ayatollah", "mullah", "cleric", "leader", "speaker", "attorney", "prosecutor", "professor",
    "prof", "dr", "doctor", "officer", "inspector", "detective", "sheriff", "pastor", "reverend",
    "rev", "coach", "ceo", "cfo", "coo", "founder", "executive", "analyst", "adviser", "advisor",
    "aide", "official", "diplomat", "negotiator", "correspondent", "editor", "reporter",
    "journalist", "researcher", "economist", "expert", "head", "member", "lawmaker",
    "legislator", "candidate", "nominee", "counsel", "consul", "secretary-general", "manager",
    "strategist", "pollster", "activist", "lawyer", "economist", "scientist", "historian",
    "commentator", "columnist", "chairmen", "president-elect", "vice-president", "mp", "mep",
    "deputy", "delegate", "emissary", "monarch", "sultan", "tsar", "czar", "dictator",
    "militant", "fighter", "commentator", "physician", "surgeon", "author", "writer",
    "producer", "host", "anchor", "presenter", "owner", "partner", "fellow", "lecturer",
    "defenseman", "goalie", "goaltender", "goalkeeper", "striker", "midfielder", "defender",
    "quarterback", "pitcher", "winger", "forward", "captain", "manager", "referee",
    "linebacker", "shortstop", "outfielder", "infielder", "fullback", "halfback", "batsman",
    "bowler", "wicketkeeper", "flanker", "playmaker",
    "student", "teacher", "spokesmen", "officials", "ministers", "republican", "democrat",
    "councillor", "councilor", "cllr", "councilman", "councilwoman", "alderman", "alderwoman",
    "assemblyman", "assemblywoman", "superintendent", "constable", "magistrate", "critic",
    "auditor", "ombudsman", "ombudsperson", "comptroller", "treasurer", "coroner", "warden",
    "reeve", "mla", "mpp", "mna", "coun", "cst", "const", "cpl", "corporal", "det", "insp", "hon",
];

#[rustfmt::skip]
const ROLE_MODS: &[&str] = &[
    "foreign", "defense", "defence", "interior", "finance", "economy", "economic", "trade",
    "treasury", "home", "state", "affairs", "justice", "health", "education", "energy",
    "environment", "agriculture", "transport", "labor", "labour", "culture", "information",
    "prime", "deputy", "vice", "acting", "former", "first", "federal", "national", "senior",
    "assistant", "associate", "executive", "managing", "general", "press", "majority",
    "minority", "opposition", "supreme", "grand", "crown", "security", "intelligence",
    "military", "special", "chief", "high", "top", "interim", "outgoing", "incoming", "elect",
    "designate", "lead", "principal", "permanent", "joint", "armed", "staff", "communications",
    "public", "internal", "external", "international", "human", "rights", "relations",
    "development", "emergency", "homeland", "ex", "late", "then", "current", "new", "veteran",
    "retired", "regional", "provincial", "local", "presidential", "democratic", "republican",
    "party", "campaign", "white", "house", "spiritual", "religious", "political", "policy",
    "research", "legal", "science", "media", "digital", "news", "field", "rebel", "government",
    "army", "police", "senate", "congressional", "parliamentary", "cabinet", "ruling",
    "independent", "libertarian", "conservative", "liberal", "socialist", "green", "labour",
];

#[rustfmt::skip]
const COURTESIES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "messrs", "mme", "mlle", "herr", "frau", "monsieur",
    "madame", "señor", "senor", "sir", "dame", "lord", "lady",
];

/// The sex a courtesy title gives: male (true) for "Mr", female for "Mrs", "Ms", "Miss" and
/// their kin; none for the others ("Mx", "Messrs").
pub(crate) fn courtesy_sex(w: &str) -> Option<bool> {
    const MALE: &[&str] = &["mr", "herr", "monsieur", "señor", "senor", "sir", "lord"];
    const FEMALE: &[&str] = &[
        "mrs", "ms", "miss", "mme", "mlle", "frau", "madame", "dame", "lady",
    ];
    let w = w.trim_end_matches('.');
    if MALE.iter().any(|m| m.eq_ignore_ascii_case(w)) {
        Some(true)
    } else if FEMALE.iter().any(|f| f.eq_ignore_ascii_case(w)) {
        Some(false)
    } else {
        None
    }
}

#[rustfmt::skip]
const STOPS: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "nor", "so", "yet", "for", "of", "in", "on", "at",
    "to", "from", "by", "with", "without", "about", "above", "after", "against", "along",
    "among", "around", "as", "before", "behind", "below", "beneath", "beside", "besides",
    "between", "beyond", "despite", "during", "except", "inside", "into", "like", "near", "off",
    "onto", "out", "outside", "over", "past", "per", "since", "than", "through", "throughout",
    "till", "toward", "towards", "under", "underneath", "unlike", "until", "up", "upon", "via",
    "within", "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he",
    "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their", "theirs", "this",
    "that", "these", "those", "who", "whom", "whose", "which", "what", "whatever", "whoever",
    "when", "where", "why", "how", "whether", "if", "unless", "because", "although", "though",
    "while", "whereas", "once", "then", "there", "here", "now", "today", "yesterday",
    "tomorrow", "tonight", "however", "meanwhile", "moreover", "furthermore", "nevertheless",
    "nonetheless", "also", "still", "thus", "hence", "therefore", "indeed", "instead",
    "otherwise", "perhaps", "maybe", "yes", "no", "not", "never", "always", "often",
    "sometimes", "usually", "already", "again", "even", "just", "only", "all", "any", "both",
    "each", "either", "every", "few", "many", "more", "most", "much", "neither", "none",
    "other", "others", "several", "some", "such", "another", "one", "two", "three", "four",
    "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty",
    "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds",
    "thousand", "thousands", "million", "millions", "billion", "dozens", "earlier", "later", "finally", "ultimately",
    "eventually", "recently", "currently", "previously", "initially", "according", "asked",
    "speaking", "following", "given", "including", "amid", "is", "are", "was", "were", "be",
    "been", "being", "do", "does", "did", "have", "has", "had", "would", "shall", "should",
    "can", "could", "may", "might", "must", "let", "please", "thanks", "thank", "dear", "oh",
    "well", "so-called", "read", "see", "watch", "photo", "video", "source", "sources",
    "editor's", "note", "update", "updated", "related", "click", "subscribe", "share",
    "breaking", "exclusive", "analysis", "opinion", "comment", "comments", "advertisement",
    "officials", "police", "residents", "witnesses", "experts", "analysts", "critics",
    "supporters", "protesters", "demonstrators", "rebels", "militants", "troops", "soldiers",
    "authorities", "observers", "diplomats", "lawmakers", "voters", "people", "many", "most",
    "some", "god", "islam", "christianity", "internet", "web", "online",
    // Sentence adverbs that open a sentence before a name ("Afterwards Penny …").
    "afterwards", "afterward", "additionally", "unfortunately", "fortunately", "apparently",
    "luckily", "similarly", "consequently", "accordingly", "obviously", "clearly",
    "surprisingly", "interestingly", "importantly", "notably", "ironically", "sadly",
    "hopefully", "honestly", "frankly", "personally", "suddenly", "immediately", "thankfully",
    "admittedly", "unsurprisingly", "alternatively",
];

#[rustfmt::skip]
const TIMES: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "tue", "tues", "thu", "thurs",
];

#[rustfmt::skip]
const GENERICS: &[&str] = &[
    "democrats", "republicans", "democrat", "conservatives", "liberals", "socialists",
    "communists", "greens", "tories", "tory", "loyalists", "separatists", "islamists",
    "jihadists", "nationalists", "unionists", "new", "national", "international", "united", "democratic", "republican", "people",
    "peoples", "people's", "liberation", "free", "great", "royal", "central", "general",
    "federal", "islamic", "human", "rights", "development", "security", "defense", "defence",
    "affairs", "justice", "state", "states", "north", "south", "east", "west", "northern",
    "southern", "eastern", "western", "upper", "lower", "greater", "supreme", "high",
    "popular", "revolutionary", "socialist", "communist", "conservative", "liberal", "labour",
    "labor", "green", "social", "public", "world", "global", "foreign", "internal", "homeland",
    "arab", "muslim", "christian", "jewish", "catholic", "sunni", "shia", "shiite", "american",
    "international", "european", "african", "asian", "city", "county", "province", "region",
    "district", "republic", "kingdom", "federation", "bay", "gulf", "sea", "strait", "isle",
    "islands", "saint", "st", "fort", "mount", "lake", "river", "valley", "first", "second",
    "third", "al", "el", "abu", "bin", "ibn", "de", "van", "von", "der", "le", "la", "da", "di",
    "del", "du", "dos", "das",
];

#[rustfmt::skip]
const OF_HEADS: &[&str] = &[
    "republic", "kingdom", "gulf", "bay", "sea", "strait", "isle", "islands", "city", "province",
    "states", "state", "emirate", "sultanate", "principality", "duchy", "people's", "bureau",
    "house", "chamber", "court", "bank", "board", "chief", "head", "friends", "statue", "cape",
    "port", "prince", "princess", "duke", "duchess", "earl", "queen", "king", "order", "sisters",
    "brothers", "daughters", "sons", "children", "victims", "army", "soldiers", "mothers",
    "chiefs", "institute", "university", "college", "school", "academy", "hall", "library",
    "museum", "church", "cathedral", "basilica", "temple", "mosque", "secretary", "minister",
];

#[rustfmt::skip]
const SPEECH_VERBS: &[&str] = &[
    "said", "says", "told", "added", "stated", "asked", "explained", "noted", "insisted",
    "warned", "wrote", "argued", "claimed", "announced", "continued", "replied", "tweeted",
    "declared", "urged", "stressed", "emphasized", "emphasised", "suggested", "acknowledged",
    "admitted", "denied", "confirmed", "recalled", "complained", "responded", "remarked",
    "observed", "believes", "thinks", "told", "tells", "adds", "notes", "writes", "argues",
];

/// Organisations named by a phrase of ordinary words.
#[rustfmt::skip]
const ORG_PHRASES: &[&str] = &[
    "white house", "state department", "downing street", "capitol hill", "wall street",
    "foreign office", "home office", "kremlin", "elysee palace", "élysée palace",
    "red cross", "red crescent", "european union", "united nations", "security council",
    "general assembly", "supreme court", "federal reserve", "the pentagon",
];

/// ASCII letters of eight bytes lower-cased at once; other bytes are left alone.
fn lower8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low7 = x & !HIGH;
    // A byte's high bit is set where it is at least 'A', and where it is past 'Z'.
    let from_a = low7 + ONES * u64::from(0x80 - b'A');
    let past_z = low7 + ONES * u64::from(0x80 - b'Z' - 1);
    let upper = from_a & !past_z & !x & HIGH;
    x | (upper >> 2)
}

/// A hash of a word's bytes with ASCII letters lower-cased: "Party" hashes as "party".
fn fold_hash(bytes: &[u8]) -> u64 {
    let mut h = WordHasher(bytes.len() as u64);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut v = [0u8; 8];
        v.copy_from_slice(c);
        h.add(lower8(u64::from_le_bytes(v)));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut v = [0u8; 8];
        v[..rest.len()].copy_from_slice(rest);
        h.add(lower8(u64::from_le_bytes(v)));
    }
    h.0
}

struct Entry {
    hash: u64,
    word: Box<str>,
    flags: u32,
}

/// The word lists as one open-addressing table, probed with [`fold_hash`]: a capitalised ASCII
/// word is looked up as it stands, without a lower-cased copy, and a probe that meets another
/// word mostly stops at the stored hash.
struct WordTable {
    /// Index + 1 into `entries`; 0 for an empty slot. A power of two long, at most half full.
    slots: Box<[u32]>,
    shift: u32,
    entries: Vec<Entry>,
}

impl WordTable {
    fn new(words: Vec<(Box<str>, u32)>) -> WordTable {
        let bits = (2 * words.len())
            .next_power_of_two()
            .trailing_zeros()
            .max(1);
        let mut t = WordTable {
            slots: vec![0; 1 << bits].into_boxed_slice(),
            shift: 64 - bits,
            entries: Vec::with_capacity(words.len()),
        };
        for (word, flags) in words {
            debug_assert!(!word.bytes().any(|b| b.is_ascii_uppercase()));
            let hash = fold_hash(word.as_bytes());
            let mut i = t.slot(hash);
            while t.slots[i] != 0 {
                i = (i + 1) & (t.slots.len() - 1);
            }
            t.entries.push(Entry { hash, word, flags });
            t.slots[i] = u32::try_from(t.entries.len()).unwrap_or(u32::MAX);
        }
        t
    }

    fn slot(&self, hash: u64) -> usize {
        (hash >> self.shift) as usize
    }

    /// The flags of the entry that `same` accepts among those with the word's folded hash.
    fn get(&self, word: &str, same: impl Fn(&str) -> bool) -> u32 {
        let hash = fold_hash(word.as_bytes());
        let mut i = self.slot(hash);
        loop {
            let Some(e) = self.slots[i]
                .checked_sub(1)
                .map(|k| &self.entries[k as usize])
            else {
                return 0;
            };
            if e.hash == hash && same(&e.word) {
                return e.flags;
            }
            i = (i + 1) & (self.slots.len() - 1);
        }
    }
}

struct Tables {
    /// Every word with its flags, plural demonyms ("syrians") included.
    words: WordTable,
    /// Every name of a place to the gazetteer's name: one-word places and multi-word places to
    /// themselves, synonyms to the name they stand for.
    places: FastMap<&'static str, &'static str>,
    org_phrases: HashSet<&'static str, Fast>,
    demonyms: FastMap<&'static str, &'static str>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut words: FastMap<&'static str, u32> = FastMap::default();
        let mut add = |list: &[&'static str], flag: u32| {
            for w in list {
                *words.entry(w).or_insert(0) |= flag;
            }
        };
        add(GIVEN_NAMES, GIVEN);
        add(PLACES_ONE, PLACE);
        add(ORG_HEADS, ORG_HEAD);
        add(TRADE_WORDS, TRADE);
        add(DESCRIPTORS, DESCRIPTOR);
        add(PLACE_HEADS, PLACE_HEAD);
        add(ORG_PRES, ORG_PRE);
        add(ORG_NAMES, ORG_NAME);
        add(AGENCIES, AGENCY);
        add(TITLES, TITLE);
        add(ROLE_MODS, ROLE_MOD);
        add(COURTESIES, COURTESY);
        add(STOPS, STOP);
        add(TIMES, TIME);
        add(GENERICS, GENERIC);
        add(OF_HEADS, OF_HEAD);
        add(SPEECH_VERBS, SPEECH);
        let mut demonyms: FastMap<&'static str, &'static str> = FastMap::default();
        for &(d, p) in DEMONYMS {
            demonyms.insert(d, p);
            *words.entry(d).or_insert(0) |= DEMONYM;
        }
        // Places by precedence, the last insert winning: a one-word place, a multi-word
        // place, a synonym.
        let mut places: FastMap<&'static str, &'static str> = FastMap::default();
        for (&w, &f) in &words {
            if f & PLACE != 0 {
                places.insert(w, w);
            }
        }
        places.extend(PLACES_MULTI.iter().map(|&p| (p, p)));
        places.extend(PLACE_SYNONYMS.iter().copied());
        let org_phrases = ORG_PHRASES.iter().copied().collect();
        // A word not in the lists that is a demonym with an "s" is a (plural) demonym.
        let mut all: FastMap<Box<str>, u32> = words.iter().map(|(&w, &f)| (w.into(), f)).collect();
        for d in demonyms.keys() {
            let plural = format!("{d}s");
            if plural.len() > 3 && !words.contains_key(plural.as_str()) {
                all.insert(plural.into(), DEMONYM);
            }
        }
        // Member words keep the flags above: "Americans" is a plural demonym too.
        for &w in MEMBER_WORDS {
            *all.entry(w.into()).or_insert(0) |= MEMBERS;
        }
        let mut all: Vec<(Box<str>, u32)> = all.into_iter().collect();
        all.sort_unstable();
        Tables {
            words: WordTable::new(all),
            places,
            org_phrases,
            demonyms,
        }
    })
}

/// Lower-case `word` into `buf` (no allocation once `buf` has grown) and return it.
pub(crate) fn lower<'a>(word: &str, buf: &'a mut String) -> &'a str {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        for c in word.chars() {
            buf.extend(c.to_lowercase());
        }
    }
    buf.as_str()
}

/// The flags of a lower-cased word; plural demonyms ("Syrians") count as demonyms.
pub(crate) fn flags(word: &str) -> u32 {
    tables().words.get(word, |w| w == word)
}

/// The flags of a word in any case: [`flags`] of its lower-cased form (`buf` holds that form
/// when the word is not ASCII; an ASCII word is looked up without a copy).
pub(crate) fn flags_any_case(word: &str, buf: &mut String) -> u32 {
    if word.is_ascii() {
        // The table's words have no ASCII capitals, so an ASCII word matches one exactly when
        // its lower-cased form would.
        tables().words.get(word, |w| w.eq_ignore_ascii_case(word))
    } else {
        flags(lower(word, buf))
    }
}

/// Whether a lower-case word joins two capitalised words across a space ("Department of State",
/// "Charles de Gaulle", "Osama bin Laden").
pub(crate) fn is_space_connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "for"
            | "al"
            | "el"
            | "bin"
            | "ibn"
            | "bint"
            | "de"
            | "da"
            | "di"
            | "del"
            | "della"
            | "der"
            | "den"
            | "van"
            | "von"
            | "du"
            | "dos"
            | "das"
            | "ben"
            | "zu"
            | "ter"
            | "ten"
            | "y"
    )
}

/// Whether a lower-case particle joins the next capitalised word with a hyphen ("al-Sham",
/// "ash-Shami").
pub(crate) fn is_hyphen_connector(word: &str) -> bool {
    matches!(
        word,
        "al" | "el"
            | "ad"
            | "as"
            | "ash"
            | "an"
            | "ar"
            | "at"
            | "az"
            | "ul"
            | "bin"
            | "ibn"
            | "ed"
            | "es"
    )
}

/// The place a demonym refers to ("russian" → "russia"; plurals too).
pub(crate) fn demonym_place(word: &str) -> Option<&'static str> {
    let t = tables();
    t.demonyms
        .get(word)
        .or_else(|| word.strip_suffix('s').and_then(|s| t.demonyms.get(s)))
        .copied()
}

/// The gazetteer's name for a normalised key ("u s" is not one; "us" → "united states").
pub(crate) fn canonical_place(key: &str) -> Option<&'static str> {
    tables().places.get(key).copied()
}

/// Whether a normalised multi-word key names an organisation ("white house").
pub(crate) fn is_org_phrase(key: &str) -> bool {
    tables().org_phrases.contains(key)
}

/// Last words of a company's name that a story often drops after the first mention
/// ("Westerly Marine Services" → "Westerly Marine", "Orrin Holdings Ltd" → "Orrin Holdings"):
/// the legal form and the generic business words, not heads that carry the name's sense
/// ("Times", "Party", "Police", "University": "New York Times" is not "New York").
#[rustfmt::skip]
const COMPANY_TAILS: &[&str] = &[
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc",
    "llp", "plc", "gmbh", "ag", "sa", "nv", "bv", "group", "holdings", "services", "industries",
    "technologies", "systems", "partners", "enterprises",
];

/// Whether a normalised word is one of `COMPANY_TAILS`.
pub(crate) fn is_company_tail(word: &str) -> bool {
    COMPANY_TAILS.contains(&word)
}
