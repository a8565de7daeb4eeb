/*
 * demo.c - the demo region generator (see demo.h).
 *
 * All randomness comes from one xoshiro256** stream (util/rng.h) seeded
 * with the caller's seed and consumed in a fixed order: national
 * organisations, then the staff of each board in board order, then the
 * people who work for two boards. Organisations, people and accounts are
 * written through the store's own functions; demo.c itself only asks the
 * database two things, with bound parameters: whether it is empty, and the
 * person id behind each board's docent account.
 *
 * What is real and what is invented: the municipalities, their provinces
 * and holiday regions (data/regio_indeling_gemeenten.csv), the subjects and
 * shortage flags (data/subjects.csv), and for Regio Alkmaar the postcode
 * areas and approximate coordinates of the towns. Board, school, street and
 * person names, BRIN codes and bestuursnummers are invented. For the
 * national size a school's postcode and coordinates are drawn around its
 * province (not its municipality), which is good enough for travel-time
 * experiments but not a map.
 */
#include "core/demo.h"
#include "core/demo_calendar.h"
#include "core/demo_facts.h"
#include "core/demo_secondment.h"
#include "core/demo_match.h"
#include "core/staff.h"
#include "formats/csvrows.h"
#include "store/store_org.h"
#include "store/store_staff.h"
#include "store/users.h"
#include "util/date.h"
#include "util/embedded.h"
#include "util/rng.h"

#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define NAT_REGIONS 40
#define NAT_BOARDS 150
#define NAT_SCHOOLS 1500
#define NAT_STAFF 80000L
#define DEMO_ACTOR "demo"
#define N_DUAL 6 /* people employed by two boards in Regio Alkmaar */

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- Regio Alkmaar: the fixed part ---- */

struct board_def {
	const char *number, *name, *domain;
	long staff; /* people whose first employment is this board */
};

static const struct board_def alkmaar_boards[3] = {
	{"41873", "Stichting Voortgezet Onderwijs Kennemerland-Noord", "vo-kennemerlandnoord.nl",
	 330},
	{"42316", "Stichting Openbare Scholengroep Alkmaar", "osg-alkmaar.nl", 340},
	{"43058", "Stichting Christelijk Voortgezet Onderwijs Dijk en Waard", "cvo-dijkenwaard.nl",
	 230},
};

struct school_def {
	int board;
	const char *brin, *vestiging, *name, *street, *postcode, *city, *municipality;
	double lat, lon;
	const char *types;
	double size; /* relative number of staff */
};

/* Fictitious schools and streets in real postcode areas of real towns. */
static const struct school_def alkmaar_schools[] = {
	{0, "31KN", "00", "Duinzicht College", "Duinroosweg 12", "1901 KJ", "Castricum",
	 "Castricum", 52.5489, 4.6651, "havo,vwo", 1.4},
	{0, "31KN", "01", "Duinzicht College Limmen", "Zuidkerkweg 40", "1906 AL", "Limmen",
	 "Castricum", 52.5695, 4.6975, "vmbo", 0.8},
	{0, "44BG", "00", "Het Duinrand Lyceum", "Zeeweg 101", "1861 GB", "Bergen",
	 "Bergen", 52.6650, 4.6962, "havo,vwo", 1.2},
	{0, "44BG", "01", "Egmonder Zeecollege", "Voorstraat 210", "1931 AN", "Egmond aan Zee",
	 "Bergen", 52.6188, 4.6301, "vmbo,havo", 0.7},
	{0, "52HL", "00", "Praktijkschool De Kapel", "Kapelweg 8", "1851 JB", "Heiloo",
	 "Heiloo", 52.6021, 4.7040, "pro", 0.5},
	{1, "27AK", "00", "Kaasmarkt Gymnasium", "Waagplein 3", "1811 JP", "Alkmaar", "Alkmaar",
	 52.6322, 4.7487, "vwo", 1.0},
	{1, "27AK", "01", "Singel College", "Kennemersingel 55", "1814 GL", "Alkmaar", "Alkmaar",
	 52.6282, 4.7389, "havo,vwo", 1.3},
	{1, "28VM", "00", "Vaartpark Mavo", "Vaartweg 17", "1823 CK", "Alkmaar", "Alkmaar",
	 52.6458, 4.7642, "vmbo", 0.9},
	{1, "28VM", "01", "ISK De Overstap", "Rekerlaan 4", "1816 AB", "Alkmaar", "Alkmaar",
	 52.6205, 4.7401, "isk", 0.3},
	{1, "52KB", "00", "Kapellenbosch College", "Bosweg 23", "1852 RM", "Heiloo", "Heiloo",
	 52.5962, 4.7121, "vmbo,havo,vwo", 1.2},
	{2, "33WL", "00", "Waardland College", "Middenweg 300", "1703 RE", "Heerhugowaard",
	 "Dijk en Waard", 52.6663, 4.8284, "havo,vwo", 1.3},
	{2, "33WL", "01", "Waardland College Stad van de Zon", "Zonnewijzer 6", "1705 KA",
	 "Heerhugowaard", "Dijk en Waard", 52.6795, 4.8520, "vmbo", 1.0},
	{2, "33WL", "02", "Langedijker Vakcollege", "Dorpsstraat 402", "1721 BW",
	 "Broek op Langedijk", "Dijk en Waard", 52.6731, 4.8003, "vmbo,pro", 0.8},
};

/* ---- names ---- */

static const char *const female_names[] = {
	"Anna",    "Emma",    "Sanne",   "Lisa",    "Fleur",   "Iris",      "Eva",
	"Anouk",   "Lotte",   "Femke",   "Marloes", "Ilse",    "Esther",    "Marieke",
	"Nicole",  "Petra",   "Linda",   "Monique", "Sandra",  "Ingrid",    "Annemarie",
	"Karin",   "Wendy",   "Judith",  "Miriam",  "Saskia",  "Marleen",   "Yvonne",
	"Janneke", "Renske",  "Noor",    "Julia",   "Sophie",  "Tessa",     "Roos",
	"Maaike",  "Inge",    "Hanneke", "Carla",   "Els",     "Ria",       "Joke",
	"Wilma",   "Anja",    "Mirjam",  "Astrid",  "Kim",     "Naomi",     "Yasmina",
	"Fatima",  "Esmee",   "Merel",   "Jolanda", "Bianca",  "Manon",     "Suzanne",
};

static const char *const male_names[] = {
	"Jan",     "Peter",   "Mark",    "Thomas",  "Bas",     "Tim",     "Daan",
	"Jeroen",  "Martijn", "Erik",    "Rob",     "Hans",    "Kees",    "Willem",
	"Joost",   "Sander",  "Niels",   "Ruben",   "Jasper",  "Wouter",  "Maarten",
	"Bart",    "Dennis",  "Michiel", "Frank",   "Paul",    "Gerard",  "Henk",
	"Arjen",   "Koen",    "Stefan",  "Vincent", "Pieter",  "Hugo",    "Lars",
	"Sem",     "Milan",   "Jesse",   "Rick",    "Robin",   "Marco",   "Edwin",
	"Ronald",  "Gert",    "Johan",   "Theo",    "Mohamed", "Youssef", "Karim",
	"Ahmed",   "Floris",  "Menno",   "Rutger",  "Guus",    "Remco",   "Olaf",
};

static const char *const last_names[] = {
	"de Jong",       "Jansen",          "de Vries",     "van den Berg",  "van Dijk",
	"Bakker",        "Janssen",         "Visser",       "Smit",          "Meijer",
	"de Boer",       "Mulder",          "de Groot",     "Bos",           "Vos",
	"Peters",        "Hendriks",        "van Leeuwen",  "Dekker",        "Brouwer",
	"de Wit",        "Dijkstra",        "Smits",        "de Graaf",      "van der Meer",
	"van der Linden", "Kok",            "Jacobs",       "de Haan",       "Vermeulen",
	"van den Heuvel", "van der Veen",   "van den Broek", "de Bruijn",    "de Bruin",
	"van der Heijden", "Schouten",      "van Beek",     "Willems",       "van Vliet",
	"van de Ven",    "Hoekstra",        "Maas",         "Verhoeven",     "Koster",
	"van Dam",       "van der Wal",     "Prins",        "Blom",          "Huisman",
	"Peeters",       "de Kok",          "van Wijk",     "Kuipers",       "van Rijn",
	"Post",          "Bosman",          "Kramer",       "van der Laan",  "Veenstra",
	"Kuiper",        "Groen",           "Scholten",     "Hoogendoorn",   "Zwart",
	"Schipper",      "Kaptein",         "Molenaar",     "Tol",           "Stam",
	"Beentjes",      "Schermer",        "Glas",         "Bijl",          "Appelman",
	"Zomerdijk",     "Koopman",         "Hollander",    "Boots",         "Blokker",
	"Pronk",         "Bleeker",         "Wijnker",      "Kroon",         "Timmerman",
	"Hartog",        "Koning",          "Boon",         "van Loon",      "Sanders",
	"Wouters",       "Evers",           "van Schaik",   "Verbeek",       "Lammers",
	"Postma",        "El Amrani",       "Yilmaz",       "Kaya",          "Bouzid",
	"Pinas",         "Nieuwenhuizen",   "Ootjers",      "Rozing",        "Dol",
};

/* ---- staff distributions ---- */

static const struct {
	int lo, hi;
	double weight;
} age_bands[] = {
	/* An ageing VO workforce: a bulge over 55 (DOMAIN-RULES section 6, "Ageing"). */
	{22, 24, 4},  {25, 29, 9},  {30, 34, 10}, {35, 39, 10}, {40, 44, 10},
	{45, 49, 10}, {50, 54, 11}, {55, 59, 16}, {60, 64, 15}, {65, 67, 5},
};

static const double fte_values[] = {1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
static const double fte_weights[] = {26, 10, 20, 12, 13, 11, 8};
static const double fte_weights_60plus[] = {14, 10, 22, 18, 18, 11, 7};

/* Relative numbers of teachers per subject; unlisted codes weigh 1. */
static const struct {
	const char *code;
	double weight;
} subject_base[] = {
	{"ne", 10}, {"en", 9}, {"wi", 10}, {"du", 5},   {"fa", 4},  {"sp", 1},  {"fr", 0.2},
	{"zh", 0.2}, {"kl", 2}, {"ak", 4},  {"gs", 5},   {"ma", 2},  {"gl", 2},  {"fi", 1},
	{"ec", 4},  {"beco", 2}, {"vz", 2}, {"na", 4},   {"sk", 3},  {"bi", 5},  {"in", 1.5},
	{"te", 3},  {"bv", 4},  {"mu", 2},  {"ckv", 1},  {"lo", 7},
	{"nt2", 0}, /* expertise, not a qualification (rule 27): only given to ISK staff */
};
#define SHORTAGE_FACTOR 0.6 /* shortage subjects (rule 35) have fewer teachers */

/* ---- the national part ---- */

struct province_def {
	const char *name;
	double lat, lon, dlat, dlon; /* centre and spread of the generated locations */
	int pc_lo, pc_hi;            /* postcode range (first four digits) */
};

static const struct province_def provinces[] = {
	{"Drenthe", 52.86, 6.62, 0.20, 0.30, 7700, 7999},
	{"Flevoland", 52.50, 5.55, 0.12, 0.25, 8200, 8319},
	{"Fryslân", 53.11, 5.85, 0.18, 0.35, 8400, 9299},
	{"Gelderland", 52.06, 5.95, 0.20, 0.45, 6500, 7299},
	{"Groningen", 53.22, 6.70, 0.12, 0.30, 9700, 9999},
	{"Limburg", 51.25, 5.95, 0.40, 0.12, 5900, 6499},
	{"Noord-Brabant", 51.56, 5.20, 0.15, 0.60, 4600, 5799},
	{"Noord-Holland", 52.50, 4.85, 0.25, 0.15, 1400, 2199},
	{"Overijssel", 52.44, 6.45, 0.18, 0.35, 7400, 7699},
	{"Utrecht", 52.08, 5.18, 0.10, 0.25, 3400, 3999},
	{"Zeeland", 51.49, 3.85, 0.15, 0.30, 4300, 4599},
	{"Zuid-Holland", 51.98, 4.50, 0.18, 0.30, 2200, 3399},
};

static const struct {
	const char *types;
	double weight, size;
	const char *prefix, *suffix; /* school name = prefix + name word + suffix */
} school_mix[] = {
	{"havo,vwo", 24, 1.3, "", " Lyceum"},	 {"vmbo", 24, 0.9, "", " Mavo"},
	{"vmbo,havo", 12, 1.0, "", " College"},	 {"vmbo,havo,vwo", 18, 1.5, "", " College"},
	{"vwo", 6, 0.9, "Gymnasium ", ""},	 {"pro", 9, 0.45, "Praktijkschool ", ""},
	{"isk", 4, 0.3, "ISK ", ""},		 {"vmbo,pro", 3, 0.7, "Vakschool ", ""},
};

static const char *const school_words[] = {
	"Eikenhorst", "Lindenhof",  "Reigersbek", "Zonnewende", "Meerwijk",  "Beukenrode",
	"Heideveld",  "Vlietland",  "Bongerd",    "Esdoorn",    "Wilgenweide", "Dijkzicht",
	"Polderhoek", "Zuiderlicht", "Hofstede",  "Rietkraag",  "Duinvoet",  "Bosrand",
	"Kreekrug",   "Veenhorst",  "Maaszicht",  "Waalkant",   "Singelhof", "Molenwiek",
	"Sterrenhof", "Torenhof",   "Vennewater", "Zandpoort",  "Kempenhof", "Terpzicht",
	"Marehof",    "Geuzenhof",  "Huygenshof", "Vondelhof",  "Lorentz",   "Escher",
	"Leeghwater", "Mauritshof", "Oranjehof",  "Hooghe Wey",
};

static const char *const street_words[] = {
	"Schoolweg",   "Lindenlaan",   "Kerkstraat", "Molenweg",   "Stationsweg",
	"Julianalaan", "Beatrixstraat", "Parklaan",  "Dorpsstraat", "Sportlaan",
	"Kanaalweg",   "Rijksstraatweg", "Brinklaan", "Vondellaan", "Populierenlaan",
};

static const struct {
	const char *prefix, *suffix, *abbrev; /* name = prefix + municipality + suffix */
} board_patterns[] = {
	{"Stichting Openbaar Voortgezet Onderwijs ", "", "ovo"},
	{"Stichting Christelijk Voortgezet Onderwijs ", "", "cvo"},
	{"Stichting Katholiek Voortgezet Onderwijs ", "", "kvo"},
	{"Stichting Scholengroep ", "", "sg"},
	{"Stichting Voortgezet Onderwijs ", " e.o.", "svo"},
};

/* ---- generator state ---- */

struct gschool {
	struct org_school s;
	double size;
	int64_t id;
};

struct gboard {
	int64_t id;
	size_t region;
	char number[8], name[128], domain[96];
	size_t first_school, n_school;
	long staff;
	long empno_base;
	struct staff_record *recs;
	size_t n_recs, cap_recs;
};

struct gregion {
	int64_t id;
	char code[48], name[96];
};

struct strset {
	char **keys;
	size_t mask;
};

struct municipality {
	char name[64], province[32];
	int prov; /* index into provinces */
};

struct gen {
	struct rng rng;
	int ref_year;
	struct {
		char code[8];
		double weight;
	} subj[64];
	double subj_w[64];
	size_t n_subj;
	struct strset emails;
	struct gregion *regions;
	size_t n_regions;
	struct gboard *boards;
	size_t n_boards;
	struct gschool *schools;
	size_t n_schools;
	struct municipality *munis;
	size_t n_munis;
	long brin_seq;
};

static uint64_t fnv1a(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

static int strset_init(struct strset *s, size_t expect)
{
	size_t cap = 64;
	while (cap < expect * 2)
		cap <<= 1;
	s->keys = calloc(cap, sizeof *s->keys);
	s->mask = cap - 1;
	return s->keys ? 0 : SAMEN_ENOMEM;
}

static void strset_release(struct strset *s)
{
	if (s->keys)
		for (size_t i = 0; i <= s->mask; i++)
			free(s->keys[i]);
	free(s->keys);
	s->keys = NULL;
}

/* Add a copy of key; 1 when added, 0 when already present, <0 on no memory. */
static int strset_add(struct strset *s, const char *key)
{
	size_t i = (size_t)fnv1a(key) & s->mask;
	while (s->keys[i]) {
		if (strcmp(s->keys[i], key) == 0)
			return 0;
		i = (i + 1) & s->mask;
	}
	s->keys[i] = strdup(key);
	return s->keys[i] ? 1 : SAMEN_ENOMEM;
}

/*
 * ASCII slug of a (UTF-8) name: lower-case letters and digits; spaces,
 * hyphens and apostrophes become sep (collapsed; dropped when sep is 0);
 * Latin-1 accented letters lose their accent ("Súdwest-Fryslân" ->
 * "sudwest-fryslan").
 */
static void slug(const char *in, char *out, size_t outlen, char sep)
{
	size_t n = 0;
	bool pending = false;
	for (const unsigned char *p = (const unsigned char *)in; *p && n + 2 < outlen; p++) {
		char c = 0;
		if (isalnum(*p)) {
			c = (char)tolower(*p);
		} else if (*p == 0xC3 && p[1]) {
			unsigned char x = *++p | 0x20; /* fold upper to lower case */
			if (x >= 0xA0 && x <= 0xA5)
				c = 'a';
			else if (x >= 0xA8 && x <= 0xAB)
				c = 'e';
			else if (x >= 0xAC && x <= 0xAF)
				c = 'i';
			else if (x >= 0xB2 && x <= 0xB6)
				c = 'o';
			else if (x >= 0xB9 && x <= 0xBC)
				c = 'u';
			else if (x == 0xA7)
				c = 'c';
			else if (x == 0xB1)
				c = 'n';
		} else if (*p == ' ' || *p == '-' || *p == '\'') {
			pending = n > 0;
			continue;
		}
		if (!c)
			continue;
		if (pending && sep)
			out[n++] = sep;
		pending = false;
		out[n++] = c;
	}
	out[n] = '\0';
}

/*
 * Split total over n items in proportion to weights, each getting at least
 * min_each; the largest remainders (earliest first on ties) get the rest.
 */
static void allocate(long total, const double *weights, size_t n, long min_each, long *out)
{
	double wsum = 0;
	for (size_t i = 0; i < n; i++)
		wsum += weights[i];
	long rest = total - (long)n * min_each, given = 0;
	double *frac = calloc(n, sizeof *frac);
	for (size_t i = 0; i < n; i++) {
		double exact = wsum > 0 ? rest * weights[i] / wsum : 0;
		long whole = (long)floor(exact);
		out[i] = min_each + whole;
		given += whole;
		if (frac)
			frac[i] = exact - (double)whole;
	}
	if (!frac) { /* out of memory: the first item takes the rest, the total still holds */
		out[0] += rest - given;
		return;
	}
	for (long k = given; k < rest; k++) {
		size_t best = 0;
		for (size_t i = 1; i < n; i++)
			if (frac[i] > frac[best])
				best = i;
		out[best]++;
		frac[best] = -1;
	}
	free(frac);
}

/* ---- reference data from the embedded CSV files ---- */

static double subject_weight(const char *code)
{
	for (size_t i = 0; i < COUNT(subject_base); i++)
		if (strcmp(subject_base[i].code, code) == 0)
			return subject_base[i].weight;
	return 1;
}

static int subject_row(void *ctx, long line, int n, char **f, struct samen_err *err)
{
	struct gen *g = ctx;
	if (line == 1 || n < 5 || g->n_subj >= COUNT(g->subj))
		return 0;
	size_t i = g->n_subj++;
	snprintf(g->subj[i].code, sizeof g->subj[i].code, "%s", f[0]);
	g->subj[i].weight = subject_weight(f[0]) * (strcmp(f[4], "1") == 0 ? SHORTAGE_FACTOR : 1);
	g->subj_w[i] = g->subj[i].weight;
	return 0;
}

static int province_index(const char *name)
{
	for (size_t i = 0; i < COUNT(provinces); i++)
		if (strcmp(provinces[i].name, name) == 0)
			return (int)i;
	return -1;
}

static bool in_regio_alkmaar(const char *name, const char *province)
{
	if (strcmp(province, "Noord-Holland") != 0)
		return false;
	for (size_t i = 0; i < COUNT(alkmaar_schools); i++)
		if (strcmp(alkmaar_schools[i].municipality, name) == 0)
			return true;
	return false;
}

static int municipality_row(void *ctx, long line, int n, char **f, struct samen_err *err)
{
	struct gen *g = ctx;
	if (line == 1 || n < 3)
		return 0;
	int prov = province_index(f[1]);
	if (prov < 0 || in_regio_alkmaar(f[0], f[1]))
		return 0;
	struct municipality *m = realloc(g->munis, (g->n_munis + 1) * sizeof *m);
	if (!m)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	g->munis = m;
	m = &g->munis[g->n_munis++];
	snprintf(m->name, sizeof m->name, "%s", f[0]);
	snprintf(m->province, sizeof m->province, "%s", f[1]);
	m->prov = prov;
	return 0;
}

static int load_csv(struct gen *g, const char *file, csvrows_fn fn, struct samen_err *err)
{
	const struct embedded_file *f = embedded_find(embedded_data, file);
	if (!f)
		return samen_fail(err, SAMEN_EINTERNAL, "embedded file %s missing", file);
	return csvrows_parse((const char *)f->data, f->len, ',', fn, g, err);
}

/* ---- organisations ---- */

static struct gschool *add_school(struct gen *g)
{
	struct gschool *s = realloc(g->schools, (g->n_schools + 1) * sizeof *s);
	if (!s)
		return NULL;
	g->schools = s;
	s = &g->schools[g->n_schools++];
	memset(s, 0, sizeof *s);
	return s;
}

static int build_alkmaar(struct gen *g)
{
	g->regions = calloc(NAT_REGIONS, sizeof *g->regions);
	g->boards = calloc(NAT_BOARDS, sizeof *g->boards);
	if (!g->regions || !g->boards)
		return SAMEN_ENOMEM;
	struct gregion *r = &g->regions[g->n_regions++];
	snprintf(r->code, sizeof r->code, "alkmaar");
	snprintf(r->name, sizeof r->name, "Regio Alkmaar");
	for (size_t b = 0; b < COUNT(alkmaar_boards); b++) {
		struct gboard *gb = &g->boards[g->n_boards++];
		gb->region = 0;
		snprintf(gb->number, sizeof gb->number, "%s", alkmaar_boards[b].number);
		snprintf(gb->name, sizeof gb->name, "%s", alkmaar_boards[b].name);
		snprintf(gb->domain, sizeof gb->domain, "%s", alkmaar_boards[b].domain);
		gb->staff = alkmaar_boards[b].staff;
		gb->empno_base = 100000L * (long)(b + 1);
		gb->first_school = g->n_schools;
		for (size_t i = 0; i < COUNT(alkmaar_schools); i++) {
			const struct school_def *d = &alkmaar_schools[i];
			if (d->board != (int)b)
				continue;
			struct gschool *s = add_school(g);
			if (!s)
				return SAMEN_ENOMEM;
			snprintf(s->s.brin, sizeof s->s.brin, "%s", d->brin);
			snprintf(s->s.vestiging, sizeof s->s.vestiging, "%s", d->vestiging);
			snprintf(s->s.name, sizeof s->s.name, "%s", d->name);
			snprintf(s->s.street, sizeof s->s.street, "%s", d->street);
			snprintf(s->s.postcode, sizeof s->s.postcode, "%.7s", d->postcode);
			snprintf(s->s.city, sizeof s->s.city, "%s", d->city);
			snprintf(s->s.municipality, sizeof s->s.municipality, "%s", d->municipality);
			snprintf(s->s.province, sizeof s->s.province, "Noord-Holland");
			snprintf(s->s.school_types, sizeof s->s.school_types, "%s", d->types);
			s->s.lat = d->lat;
			s->s.lon = d->lon;
			s->size = d->size;
			gb->n_school++;
		}
	}
	return 0;
}

/* A postcode of the province: four digits in its range and two letters. */
static void gen_postcode(struct gen *g, const struct province_def *p, char out[8])
{
	static const char letters[] = "ABCDEGHJKLMNPRTVWXZ"; /* no S: SA, SD, SS are never issued */
	long digits = rng_between(&g->rng, p->pc_lo, p->pc_hi);
	char a = letters[rng_below(&g->rng, sizeof letters - 1)];
	char b = letters[rng_below(&g->rng, sizeof letters - 1)];
	snprintf(out, 8, "%04ld%c%c", digits, a, b);
}

static int gen_school(struct gen *g, struct gboard *gb, const struct municipality *m,
		      int vestiging, const char *brin)
{
	struct gschool *s = add_school(g);
	if (!s)
		return SAMEN_ENOMEM;
	const struct province_def *p = &provinces[m->prov];
	double w[COUNT(school_mix)];
	for (size_t i = 0; i < COUNT(school_mix); i++)
		w[i] = school_mix[i].weight;
	size_t kind = rng_pick_weighted(&g->rng, w, COUNT(school_mix));
	const char *word = school_words[rng_below(&g->rng, COUNT(school_words))];
	snprintf(s->s.name, sizeof s->s.name, "%.20s%.20s%.20s %.60s", school_mix[kind].prefix,
		 word, school_mix[kind].suffix, m->name);
	snprintf(s->s.brin, sizeof s->s.brin, "%s", brin);
	snprintf(s->s.vestiging, sizeof s->s.vestiging, "%02d", vestiging);
	snprintf(s->s.street, sizeof s->s.street, "%s %ld",
		 street_words[rng_below(&g->rng, COUNT(street_words))],
		 rng_between(&g->rng, 1, 250));
	gen_postcode(g, p, s->s.postcode);
	snprintf(s->s.city, sizeof s->s.city, "%s", m->name);
	snprintf(s->s.municipality, sizeof s->s.municipality, "%s", m->name);
	snprintf(s->s.province, sizeof s->s.province, "%s", m->province);
	snprintf(s->s.school_types, sizeof s->s.school_types, "%s", school_mix[kind].types);
	/* Four decimals: about 10 m, as precise as an address lookup would be. */
	s->s.lat = round((p->lat + (2 * rng_uniform(&g->rng) - 1) * p->dlat) * 1e4) / 1e4;
	s->s.lon = round((p->lon + (2 * rng_uniform(&g->rng) - 1) * p->dlon) * 1e4) / 1e4;
	s->size = school_mix[kind].size * (0.7 + 0.6 * rng_uniform(&g->rng));
	gb->n_school++;
	return 0;
}

/* BRIN codes of the national part: 60AA, 60AB, ... (Regio Alkmaar uses others). */
static void next_brin(struct gen *g, char out[8])
{
	unsigned k = (unsigned)(g->brin_seq++ % (40 * 676));
	out[0] = (char)('0' + (60 + k / 676) / 10);
	out[1] = (char)('0' + (60 + k / 676) % 10);
	out[2] = (char)('A' + (k / 26) % 26);
	out[3] = (char)('A' + k % 26);
	out[4] = '\0';
}

static int build_national(struct gen *g, struct samen_err *err)
{
	int rc = load_csv(g, "regio_indeling_gemeenten.csv", municipality_row, err);
	if (rc)
		return rc;
	size_t nprov = COUNT(provinces);
	double pw[COUNT(provinces)] = {0};
	size_t first[COUNT(provinces)], count[COUNT(provinces)] = {0};
	size_t *order = calloc(g->n_munis + 1, sizeof *order);
	if (!order)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	/* Municipalities grouped by province, in file order within each. */
	size_t k = 0;
	for (size_t p = 0; p < nprov; p++) {
		first[p] = k;
		for (size_t i = 0; i < g->n_munis; i++)
			if (g->munis[i].prov == (int)p)
				order[k++] = i;
		count[p] = k - first[p];
		pw[p] = (double)count[p];
	}
	long regions_per[COUNT(provinces)];
	long nreg = NAT_REGIONS - 1;
	allocate(nreg, pw, nprov, 1, regions_per);

	/* Regions: consecutive slices of their province's municipalities. */
	size_t reg_first_muni[NAT_REGIONS], reg_n_muni[NAT_REGIONS];
	for (size_t p = 0; p < nprov; p++) {
		for (long r = 0; r < regions_per[p]; r++) {
			size_t lo = first[p] + count[p] * (size_t)r / (size_t)regions_per[p];
			size_t hi = first[p] + count[p] * (size_t)(r + 1) / (size_t)regions_per[p];
			size_t ri = g->n_regions++;
			reg_first_muni[ri] = lo;
			reg_n_muni[ri] = hi > lo ? hi - lo : 1;
			const struct municipality *m = &g->munis[order[lo]];
			snprintf(g->regions[ri].name, sizeof g->regions[ri].name, "Regio %s", m->name);
			slug(m->name, g->regions[ri].code, sizeof g->regions[ri].code, '-');
		}
	}

	/* Boards: spread evenly over the new regions. */
	double rw[NAT_REGIONS];
	long boards_per[NAT_REGIONS];
	for (size_t r = 0; r < NAT_REGIONS; r++)
		rw[r] = 1;
	allocate(NAT_BOARDS - (long)g->n_boards, rw + 1, g->n_regions - 1, 1, boards_per + 1);
	size_t national_first_board = g->n_boards;
	for (size_t r = 1; r < g->n_regions; r++) {
		for (long j = 0; j < boards_per[r]; j++) {
			struct gboard *gb = &g->boards[g->n_boards];
			size_t bi = g->n_boards++;
			gb->region = r;
			const struct municipality *home =
				&g->munis[order[reg_first_muni[r] + (size_t)j % reg_n_muni[r]]];
			size_t pat = rng_below(&g->rng, COUNT(board_patterns));
			snprintf(gb->name, sizeof gb->name, "%s%.60s%s", board_patterns[pat].prefix,
				 home->name, board_patterns[pat].suffix);
			char s[64];
			slug(home->name, s, sizeof s, '-');
			snprintf(gb->domain, sizeof gb->domain, "%s-%s.nl", board_patterns[pat].abbrev, s);
			snprintf(gb->number, sizeof gb->number, "%05u", 60000u + (unsigned)bi % 1000u);
			gb->empno_base = 100000L * (long)(bi + 1);
		}
	}

	/* Schools: boards of varying size; locations in their region's municipalities. */
	size_t nb = g->n_boards - national_first_board;
	double *bw = calloc(nb, sizeof *bw);
	long *schools_per = calloc(nb, sizeof *schools_per);
	double *staff_w = calloc(nb, sizeof *staff_w);
	long *staff_per = calloc(nb, sizeof *staff_per);
	if (!bw || !schools_per || !staff_w || !staff_per) {
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < nb; i++)
		bw[i] = 0.4 + 1.2 * rng_uniform(&g->rng);
	allocate(NAT_SCHOOLS - (long)g->n_schools, bw, nb, 1, schools_per);
	for (size_t i = 0; i < nb; i++) {
		struct gboard *gb = &g->boards[national_first_board + i];
		size_t r = gb->region;
		gb->first_school = g->n_schools;
		char brin[8] = "";
		int vest = 0;
		for (long j = 0; j < schools_per[i]; j++) {
			size_t mi = reg_first_muni[r] +
				    (rng_chance(&g->rng, 0.5) ? (size_t)(gb - g->boards) % reg_n_muni[r]
							       : rng_below(&g->rng, reg_n_muni[r]));
			/* Some locations are a second or third vestiging of the previous BRIN. */
			if (j > 0 && vest < 3 && rng_chance(&g->rng, 0.3)) {
				vest++;
			} else {
				next_brin(g, brin);
				vest = 0;
			}
			rc = gen_school(g, gb, &g->munis[order[mi]], vest, brin);
			if (rc) {
				rc = samen_fail(err, rc, "out of memory");
				goto out;
			}
			staff_w[i] += g->schools[g->n_schools - 1].size;
		}
	}
	long alkmaar_staff = 0;
	for (size_t b = 0; b < national_first_board; b++)
		alkmaar_staff += g->boards[b].staff;
	allocate(NAT_STAFF - alkmaar_staff, staff_w, nb, 20, staff_per);
	for (size_t i = 0; i < nb; i++)
		g->boards[national_first_board + i].staff = staff_per[i];
out:
	free(order);
	free(bw);
	free(schools_per);
	free(staff_w);
	free(staff_per);
	return rc;
}

/* ---- staff ---- */

static struct staff_record *add_record(struct gboard *b)
{
	if (b->n_recs == b->cap_recs) {
		size_t ncap = b->cap_recs ? b->cap_recs * 2 : 64;
		struct staff_record *n = realloc(b->recs, ncap * sizeof *n);
		if (!n)
			return NULL;
		b->recs = n;
		b->cap_recs = ncap;
	}
	struct staff_record *r = &b->recs[b->n_recs++];
	memset(r, 0, sizeof *r);
	r->line = (long)b->n_recs;
	return r;
}

static int make_email(struct gen *g, const char *first, const char *last, const char *domain,
		      char *out, size_t outlen)
{
	char f[64], l[96];
	slug(first, f, sizeof f, 0);
	slug(last, l, sizeof l, 0);
	for (int k = 1;; k++) {
		if (k == 1)
			snprintf(out, outlen, "%.24s.%.36s@%.50s", f, l, domain);
		else
			snprintf(out, outlen, "%.24s.%.36s%d@%.50s", f, l, k, domain);
		int rc = strset_add(&g->emails, out);
		if (rc != 0)
			return rc < 0 ? rc : 0;
	}
}

static double round1(double x)
{
	return round(x * 10) / 10;
}

static size_t pick_school(struct gen *g, const struct gboard *b, size_t avoid)
{
	double w[64];
	size_t n = b->n_school < 64 ? b->n_school : 64;
	for (size_t i = 0; i < n; i++)
		w[i] = i == avoid ? 0 : g->schools[b->first_school + i].size;
	return rng_pick_weighted(&g->rng, w, n);
}

static void set_assignment(struct gen *g, const struct gboard *b, size_t school,
			   struct staff_assignment *a, double share)
{
	const struct gschool *s = &g->schools[b->first_school + school];
	snprintf(a->brin, sizeof a->brin, "%s", s->s.brin);
	snprintf(a->vestiging, sizeof a->vestiging, "%s", s->s.vestiging);
	a->fte_share = share;
}

static enum qual_level pick_level(struct gen *g, double p_training, bool second)
{
	if (rng_chance(&g->rng, p_training))
		return QUAL_IN_TRAINING;
	static const double first_w[] = {36, 56, 8};  /* eerste, tweede, beperkt tweede */
	static const double second_w[] = {25, 63, 12};
	static const enum qual_level levels[] = {QUAL_FIRST, QUAL_SECOND, QUAL_LIMITED_SECOND};
	return levels[rng_pick_weighted(&g->rng, second ? second_w : first_w, 3)];
}

static int gen_person(struct gen *g, struct gboard *b, long seq)
{
	struct staff_record *r = add_record(b);
	if (!r)
		return SAMEN_ENOMEM;
	struct rng *R = &g->rng;
	snprintf(r->employee_number, sizeof r->employee_number, "%ld", b->empno_base + seq);
	bool female = rng_chance(R, 0.55);
	const char *first = female ? female_names[rng_below(R, COUNT(female_names))]
				   : male_names[rng_below(R, COUNT(male_names))];
	const char *last = last_names[rng_below(R, COUNT(last_names))];
	snprintf(r->first_name, sizeof r->first_name, "%s", first);
	snprintf(r->last_name, sizeof r->last_name, "%s", last);
	int rc = make_email(g, first, last, b->domain, r->email, sizeof r->email);
	if (rc)
		return rc;

	double aw[COUNT(age_bands)];
	for (size_t i = 0; i < COUNT(age_bands); i++)
		aw[i] = age_bands[i].weight;
	size_t band = rng_pick_weighted(R, aw, COUNT(age_bands));
	int age = (int)rng_between(R, age_bands[band].lo, age_bands[band].hi);
	long born = date_days(g->ref_year - age, 8, 1) - rng_between(R, 0, 364);
	date_format(born, r->birth_date);

	/* Years of service, more often long than short; temporary contracts are recent. */
	int max_service = age > 23 ? age - 23 : 0;
	int service = (int)(max_service * sqrt(rng_uniform(R)) + 0.5);
	bool temporary = rng_chance(R, age < 30 ? 0.30 : service <= 1 ? 0.40 : 0.10);
	if (temporary)
		service = (int)rng_between(R, 0, 1);
	long start = date_days(g->ref_year - service, 8, 1);
	if (service > 0 && rng_chance(R, 0.25))
		start += rng_between(R, 0, 240); /* started during a school year */
	date_format(start, r->start_date);
	snprintf(r->contract_kind, sizeof r->contract_kind, "%s", temporary ? "tijdelijk" : "vast");
	if (temporary)
		date_format(date_days(g->ref_year + 1, 7, 31), r->end_date);

	size_t f = rng_pick_weighted(R, age >= 60 ? fte_weights_60plus : fte_weights,
				     COUNT(fte_values));
	r->hours_per_year = round1(fte_values[f] * STAFF_HOURS_PER_FTE);

	static const char *const scales[] = {"LB", "LC", "LD"};
	static const double young[] = {80, 20, 0}, mid[] = {50, 35, 15}, senior[] = {40, 35, 25};
	size_t sc = rng_pick_weighted(R, age < 30 ? young : age <= 45 ? mid : senior, 3);
	snprintf(r->salary_scale, sizeof r->salary_scale, "%s", scales[sc]);
	/* The teacher scales LB-LE have 12 steps (treden), one per year of good work (cao_vo_facts.md). */
	long step = service + rng_between(R, 0, 3);
	r->salary_step = (int)(step > 12 ? 12 : step);

	/* One school, or two of the same board with shares that add up to 1. */
	size_t home = pick_school(g, b, (size_t)-1);
	if (b->n_school > 1 && rng_chance(R, 0.2)) {
		static const double shares[] = {0.5, 0.6, 0.7, 0.8};
		double s = shares[rng_below(R, COUNT(shares))];
		set_assignment(g, b, home, &r->assign[0], s);
		set_assignment(g, b, pick_school(g, b, home), &r->assign[1], round1(1 - s));
		r->n_assign = 2;
	} else {
		set_assignment(g, b, home, &r->assign[0], 1.0);
		r->n_assign = 1;
	}

	/* One or two subjects; young teachers and zij-instromers may still be in training. */
	double p_training = age < 27 ? 0.25 : age < 55 ? 0.06 : 0.02;
	int nq = rng_chance(R, 0.35) ? 2 : 1;
	double w[64];
	memcpy(w, g->subj_w, g->n_subj * sizeof w[0]);
	for (int q = 0; q < nq; q++) {
		size_t si = rng_pick_weighted(R, w, g->n_subj);
		w[si] = 0;
		snprintf(r->qual[q].subject, sizeof r->qual[q].subject, "%s", g->subj[si].code);
		r->qual[q].level = pick_level(g, q == 0 ? p_training : 0.05, q > 0);
	}
	r->n_qual = nq;
	const struct gschool *hs = &g->schools[b->first_school + home];
	if (strstr(hs->s.school_types, "isk") && rng_chance(R, 0.6) && r->n_qual < STAFF_MAX_QUAL) {
		snprintf(r->qual[r->n_qual].subject, sizeof r->qual[0].subject, "nt2");
		r->qual[r->n_qual].level = QUAL_SECOND; /* nt2 has weight 0 above: never twice */
		r->n_qual++;
	}
	return 0;
}

/*
 * A handful of Regio Alkmaar's people also work for the next board: same
 * person (name, birth date, e-mail), a second, small contract there, and
 * their first contract shrunk so that together they stay within 1 fte.
 */
static int gen_dual(struct gen *g)
{
	size_t nb = COUNT(alkmaar_boards);
	size_t picked[N_DUAL][2];
	for (int k = 0; k < N_DUAL; k++) {
		size_t from = (size_t)k % nb, to = (from + 1) % nb;
		struct gboard *src = &g->boards[from], *dst = &g->boards[to];
		size_t idx;
		bool again;
		do { /* never the first record: it is the board's docent account */
			idx = 1 + rng_below(&g->rng, src->n_recs - 1);
			again = false;
			for (int j = 0; j < k; j++)
				if (picked[j][0] == from && picked[j][1] == idx)
					again = true;
		} while (again);
		picked[k][0] = from;
		picked[k][1] = idx;
		struct staff_record *r = add_record(dst);
		if (!r)
			return SAMEN_ENOMEM;
		struct staff_record *p = &src->recs[idx];
		long line = r->line;
		*r = *p;
		r->line = line;
		snprintf(r->employee_number, sizeof r->employee_number, "%ld",
			 dst->empno_base + (long)dst->n_recs - 1);
		static const double second[] = {0.2, 0.3, 0.4};
		double fte2 = second[rng_below(&g->rng, COUNT(second))];
		double max_first = round1((1 - fte2) * STAFF_HOURS_PER_FTE);
		if (p->hours_per_year > max_first)
			p->hours_per_year = max_first;
		r->hours_per_year = round1(fte2 * STAFF_HOURS_PER_FTE);
		bool temporary = rng_chance(&g->rng, 0.4);
		snprintf(r->contract_kind, sizeof r->contract_kind, "%s",
			 temporary ? "tijdelijk" : "vast");
		date_format(date_days(g->ref_year - (int)rng_between(&g->rng, 0, 3), 8, 1),
			    r->start_date);
		r->end_date[0] = '\0';
		if (temporary) {
			date_format(date_days(g->ref_year, 8, 1), r->start_date);
			date_format(date_days(g->ref_year + 1, 7, 31), r->end_date);
		}
		set_assignment(g, dst, pick_school(g, dst, (size_t)-1), &r->assign[0], 1.0);
		r->n_assign = 1;
	}
	return 0;
}

/* ---- writing ---- */

static int write_orgs(struct gen *g, struct db *db, struct samen_err *err)
{
	for (size_t r = 0; r < g->n_regions; r++) {
		int rc = org_region_add(db, g->regions[r].code, g->regions[r].name,
					&g->regions[r].id, err);
		if (rc)
			return rc;
	}
	for (size_t b = 0; b < g->n_boards; b++) {
		struct gboard *gb = &g->boards[b];
		int rc = org_board_add(db, g->regions[gb->region].id, gb->number, gb->name, &gb->id,
				       err);
		for (size_t i = 0; rc == 0 && i < gb->n_school; i++) {
			struct gschool *s = &g->schools[gb->first_school + i];
			rc = org_school_add(db, gb->id, &s->s, &s->id, err);
		}
		if (rc)
			return rc;
	}
	return 0;
}

struct account {
	char email[64];
	enum role role;
	char scope[192];
};

static int add_account(struct db *db, const struct user_new *u, struct account *acc,
		       const char *scope, struct samen_err *err)
{
	int64_t id;
	int rc = users_add(db, u, DEMO_ACTOR, &id, err);
	if (rc)
		return rc;
	snprintf(acc->email, sizeof acc->email, "%s", u->email);
	acc->role = u->role;
	snprintf(acc->scope, sizeof acc->scope, "%s", scope);
	return 0;
}

static int write_accounts(struct gen *g, struct db *db, FILE *report, long *n_accounts,
			  struct samen_err *err)
{
	struct account acc[2 + 4 * COUNT(alkmaar_boards)];
	size_t n = 0;
	char email[64], name[160], scope[192];
	struct user_new u = {.email = "admin@demo.samen.nl", .name = "Demo-beheerder",
			     .password = DEMO_PASSWORD, .role = ROLE_ADMIN};
	int rc = add_account(db, &u, &acc[n++], "the whole installation", err);
	if (rc)
		return rc;
	u = (struct user_new){.email = "coordinator@demo.samen.nl",
			      .name = "Demo-regiocoördinator",
			      .password = DEMO_PASSWORD,
			      .role = ROLE_COORDINATOR,
			      .region_id = g->regions[0].id};
	if ((rc = add_account(db, &u, &acc[n++], g->regions[0].name, err)) != 0)
		return rc;
	for (size_t b = 0; b < COUNT(alkmaar_boards) && b < g->n_boards; b++) {
		const struct gboard *gb = &g->boards[b];
		const struct gschool *first = &g->schools[gb->first_school];
		static const struct {
			const char *prefix, *title;
			enum role role;
		} kinds[] = {
			{"bestuurder", "Bestuurder", ROLE_EXECUTIVE},
			{"hr", "HR-adviseur", ROLE_HR},
			{"schoolleider", "Schoolleider", ROLE_SCHOOL_LEADER},
			{"docent", "", ROLE_STAFF},
		};
		for (size_t k = 0; k < COUNT(kinds); k++) {
			snprintf(email, sizeof email, "%s.b%zu@demo.samen.nl", kinds[k].prefix, b + 1);
			u = (struct user_new){.email = email, .password = DEMO_PASSWORD,
					      .role = kinds[k].role, .board_id = gb->id};
			snprintf(name, sizeof name, "%s %s", kinds[k].title, gb->name);
			snprintf(scope, sizeof scope, "%s", gb->name);
			if (kinds[k].role == ROLE_SCHOOL_LEADER) {
				u.school_id = first->id;
				snprintf(scope, sizeof scope, "%s (%s%s)", first->s.name, first->s.brin,
					 first->s.vestiging);
			} else if (kinds[k].role == ROLE_STAFF) {
				const struct staff_record *r = &gb->recs[0];
				char bid[24];
				snprintf(bid, sizeof bid, "%lld", (long long)gb->id);
				const char *p[] = {bid, r->employee_number};
				rc = db_query_int(db,
						  "SELECT person_id FROM employment WHERE board_id ="
						  " CAST($1 AS INTEGER) AND employee_number = $2",
						  2, p, &u.person_id, err);
				if (rc)
					return rc;
				snprintf(name, sizeof name, "%s %s", r->first_name, r->last_name);
				snprintf(scope, sizeof scope, "%.60s, %.100s (%.20s)", name, gb->name,
					 r->employee_number);
			}
			u.name = name;
			if ((rc = add_account(db, &u, &acc[n++], scope, err)) != 0)
				return rc;
		}
	}
	*n_accounts = (long)n;
	if (report) {
		fprintf(report, "%-34s %-14s %s\n", "E-MAIL", "ROLE", "BOARD / SCHOOL");
		for (size_t i = 0; i < n; i++)
			fprintf(report, "%-34s %-14s %s\n", acc[i].email, role_name(acc[i].role),
				acc[i].scope);
		fprintf(report, "\nPassword of every demo account: %s\n", DEMO_PASSWORD);
	}
	return 0;
}

static void gen_release(struct gen *g)
{
	for (size_t b = 0; b < g->n_boards; b++)
		free(g->boards[b].recs);
	free(g->boards);
	free(g->regions);
	free(g->schools);
	free(g->munis);
	strset_release(&g->emails);
}

int demo_size_parse(const char *s, enum demo_size *out, struct samen_err *err)
{
	if (strcmp(s, "regional") == 0)
		*out = DEMO_REGIONAL;
	else if (strcmp(s, "national") == 0)
		*out = DEMO_NATIONAL;
	else
		return samen_fail_at(err, SAMEN_EINVAL, 0, "size",
				     "size '%.20s' is unknown; use regional or national", s);
	return 0;
}

int demo_create(struct db *db, enum demo_size size, uint64_t seed, FILE *report,
		struct demo_summary *summary, struct samen_err *err)
{
	struct gen g;
	memset(&g, 0, sizeof g);
	struct demo_summary sum = {0};
	int64_t regions = 0;
	int rc = db_query_int(db, "SELECT COUNT(*) FROM region", 0, NULL, &regions, err);
	if (rc)
		return rc;
	if (regions > 0)
		return samen_fail(err, SAMEN_EEXIST, "database already holds data; use a new --db");
	if (size != DEMO_REGIONAL && size != DEMO_NATIONAL)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "size", "unknown demo size %d", (int)size);

	/* Reference day: 1 August of the current school year. */
	int y, m, d;
	date_civil(date_today(), &y, &m, &d);
	g.ref_year = m >= 8 ? y : y - 1;
	rng_seed(&g.rng, seed);

	if ((rc = strset_init(&g.emails, size == DEMO_NATIONAL ? (size_t)NAT_STAFF : 1024)) != 0 ||
	    (rc = build_alkmaar(&g)) != 0) {
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto done;
	}
	if ((rc = load_csv(&g, "subjects.csv", subject_row, err)) != 0)
		goto done;
	if (g.n_subj == 0) {
		rc = samen_fail(err, SAMEN_EINTERNAL, "subjects.csv holds no subjects");
		goto done;
	}
	/* Regio Alkmaar first, so it is the same in both sizes. */
	for (size_t b = 0; b < g.n_boards; b++)
		for (long i = 0; i < g.boards[b].staff; i++)
			if ((rc = gen_person(&g, &g.boards[b], i)) != 0) {
				rc = samen_fail(err, rc, "out of memory");
				goto done;
			}
	if ((rc = gen_dual(&g)) != 0) {
		rc = samen_fail(err, rc, "out of memory");
		goto done;
	}
	if (size == DEMO_NATIONAL) {
		/* A second stream for the rest of the country. */
		rng_seed(&g.rng, seed ^ 0x6e6174696f6e616cULL);
		size_t first_national = g.n_boards;
		if ((rc = build_national(&g, err)) != 0)
			goto done;
		for (size_t b = first_national; b < g.n_boards; b++)
			for (long i = 0; i < g.boards[b].staff; i++)
				if ((rc = gen_person(&g, &g.boards[b], i)) != 0) {
					rc = samen_fail(err, rc, "out of memory");
					goto done;
				}
	}

	if ((rc = db_begin(db, err)) != 0)
		goto done;
	rc = write_orgs(&g, db, err);
	for (size_t b = 0; rc == 0 && b < g.n_boards; b++) {
		struct staff_import_stats st = {0};
		rc = store_staff_import(db, g.boards[b].id, g.boards[b].recs, g.boards[b].n_recs,
					DEMO_ACTOR, &st, err);
		sum.people += st.people_created;
		sum.employments += st.rows;
		/* Written: free the batch now (Regio Alkmaar's is needed for the accounts). */
		if (b >= COUNT(alkmaar_boards)) {
			free(g.boards[b].recs);
			g.boards[b].recs = NULL;
			g.boards[b].n_recs = g.boards[b].cap_recs = 0;
		}
	}
	if (rc == 0)
		rc = write_accounts(&g, db, report, &sum.accounts, err);
	if (rc == 0)
		rc = demo_facts_create(db, seed, err);
	if (rc == 0)
		rc = demo_secondment_create(db, err);
	if (rc == 0)
		rc = demo_calendar(db, g.ref_year, err);
	if (rc == 0)
		rc = demo_match_create(db, date_today(), err);
	if (rc) {
		db_rollback(db);
		goto done;
	}
	rc = db_commit(db, err);
	sum.regions = (long)g.n_regions;
	sum.boards = (long)g.n_boards;
	sum.schools = (long)g.n_schools;
	if (rc == 0 && summary)
		*summary = sum;
done:
	gen_release(&g);
	return rc;
}
