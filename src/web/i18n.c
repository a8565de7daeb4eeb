/*
 * i18n.c - Dutch and English texts of the user interface (see i18n.h).
 */
#include "web/i18n.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* The texts of the foundation screens; feature modules keep theirs in i18n_<module>.c. */
static const struct i18n_entry texts[] = {
	{"app.name", "Samen", "Samen"},
	{"app.tagline", "Regionale samenwerking personeel voortgezet onderwijs",
	 "Regional staff collaboration in secondary education"},
	{"nav.skip", "Direct naar de inhoud", "Skip to content"},
	{"nav.main", "Hoofdmenu", "Main menu"},
	{"nav.home", "Overzicht", "Overview"},
	{"nav.region", "Regio", "Region"},
	{"nav.staff", "Personeel", "Staff"},
	{"nav.me", "Mijn gegevens", "My details"},
	{"nav.signout", "Afmelden", "Sign out"},
	{"nav.language", "Taal", "Language"},
	{"nav.signed_in_as", "Aangemeld als", "Signed in as"},
	{"signin.title", "Aanmelden", "Sign in"},
	{"signin.intro", "Meld u aan met uw e-mailadres en wachtwoord.",
	 "Sign in with your e-mail address and password."},
	{"signin.email", "E-mailadres", "E-mail address"},
	{"signin.password", "Wachtwoord", "Password"},
	{"signin.submit", "Aanmelden", "Sign in"},
	{"signin.failed", "Het e-mailadres of het wachtwoord klopt niet.",
	 "The e-mail address or the password is wrong."},
	{"signin.expired", "Het formulier is verlopen. Probeer het opnieuw.",
	 "The form has expired. Please try again."},
	{"signin.signed_out", "U bent afgemeld.", "You have signed out."},
	{"role.admin", "Beheerder", "Administrator"},
	{"role.coordinator", "Regiocoördinator", "Regional coordinator"},
	{"role.executive", "Bestuurder", "Board executive"},
	{"role.hr", "HR-adviseur", "HR adviser"},
	{"role.school_leader", "Schoolleider", "School leader"},
	{"role.staff", "Medewerker", "Staff member"},
	{"home.title", "Overzicht", "Overview"},
	{"home.welcome", "Welkom", "Welcome"},
	{"home.regions", "Regio's", "Regions"},
	{"home.your_region", "Uw regio", "Your region"},
	{"home.staff_intro", "Bekijk uw gegevens, contract en bevoegdheden.",
	 "See your details, contract and qualifications."},
	{"region.title", "Regio", "Region"},
	{"region.boards", "Besturen", "Boards"},
	{"region.schools", "Schoollocaties", "School locations"},
	{"region.headcount", "Personen", "People"},
	{"region.fte", "fte", "FTE"},
	{"region.total", "Totaal", "Total"},
	{"region.export", "Download als", "Download as"},
	{"region.caption_boards", "Besturen in de regio met aantal scholen, personen en fte",
	 "Boards in the region with number of schools, people and FTE"},
	{"region.caption_schools", "Schoollocaties met personen en fte",
	 "School locations with people and FTE"},
	{"col.board", "Bestuur", "Board"},
	{"col.bestuursnummer", "Bestuursnummer", "Board number"},
	{"col.schools", "Scholen", "Schools"},
	{"col.school", "School", "School"},
	{"col.brin", "BRIN", "BRIN"},
	{"col.city", "Plaats", "Town"},
	{"col.types", "Onderwijssoorten", "School types"},
	{"col.holiday_region", "Vakantieregio", "Holiday region"},
	{"col.name", "Naam", "Name"},
	{"col.employee_number", "Personeelsnummer", "Employee number"},
	{"col.age", "Leeftijd", "Age"},
	{"col.birth_date", "Geboortedatum", "Date of birth"},
	{"col.contract", "Contract", "Contract"},
	{"col.hours", "Uren per jaar", "Hours per year"},
	{"col.fte", "fte", "FTE"},
	{"col.scale", "Schaal", "Scale"},
	{"col.start", "Begindatum", "Start date"},
	{"col.end", "Einddatum", "End date"},
	{"col.qualifications", "Bevoegdheden", "Qualifications"},
	{"col.email", "E-mailadres", "E-mail address"},
	{"col.address", "Adres", "Address"},
	{"col.municipality", "Gemeente", "Municipality"},
	{"staff.title", "Personeel", "Staff"},
	{"staff.filters", "Filters", "Filters"},
	{"staff.subject", "Vak (bevoegdheid)", "Subject (qualification)"},
	{"staff.age", "Leeftijd", "Age"},
	{"staff.contract", "Contractsoort", "Contract type"},
	{"staff.school", "School", "School"},
	{"staff.all", "Alle", "All"},
	{"staff.filter", "Filter", "Filter"},
	{"staff.reset", "Wis filters", "Clear filters"},
	{"staff.count", "personen gevonden", "people found"},
	{"staff.none", "Geen personen gevonden met deze filters.", "No people match these filters."},
	{"staff.caption", "Personeel van het bestuur", "Staff of the board"},
	{"staff.sort_by", "sorteer op", "sort by"},
	{"staff.page", "Pagina", "Page"},
	{"staff.previous", "Vorige", "Previous"},
	{"staff.next", "Volgende", "Next"},
	{"contract.vast", "vast", "permanent"},
	{"contract.tijdelijk", "tijdelijk", "temporary"},
	{"person.title", "Medewerker", "Staff member"},
	{"person.details", "Gegevens", "Details"},
	{"person.contracts", "Dienstverband", "Employment"},
	{"person.work", "Werkplekken", "Workplaces"},
	{"person.share", "Aandeel fte", "FTE share"},
	{"person.qualifications", "Bevoegdheden", "Qualifications"},
	{"person.subject", "Vak", "Subject"},
	{"person.level", "Graad", "Level"},
	{"person.none", "Geen", "None"},
	{"level.eerstegraads", "eerstegraads", "first degree"},
	{"level.tweedegraads", "tweedegraads", "second degree"},
	{"level.beperkt_tweedegraads", "beperkt tweedegraads", "limited second degree"},
	{"level.in_opleiding", "in opleiding", "in training"},
	{"school.title", "School", "School"},
	{"school.staff", "Personeel op deze locatie", "Staff at this location"},
	{"school.staff_hidden",
	 "Gegevens van personen zijn alleen zichtbaar voor het eigen bestuur en de schoolleiding.",
	 "Person-level data is visible only to the school's own board and school leadership."},
	{"school.board", "Bestuur", "Board"},
	{"error.title", "Er ging iets mis", "Something went wrong"},
	{"error.not_found", "Deze pagina bestaat niet.", "This page does not exist."},
	{"error.forbidden", "U heeft geen toegang tot deze gegevens.",
	 "You do not have access to this data."},
	{"error.csrf", "Het formulier is verlopen of ongeldig. Laad de pagina opnieuw.",
	 "The form has expired or is invalid. Reload the page."},
	{"error.invalid", "De invoer is niet geldig.", "The input is not valid."},
	{"error.too_large", "De invoer is te groot.", "The input is too large."},
	{"error.internal", "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
	 "Something went wrong on our side. Please try again later."},
	{"error.back", "Terug naar het overzicht", "Back to the overview"},
	{"form.or_file", "of kies een bestand", "or choose a file"},
	{"footer.licence", "Samen is open source (EUPL-1.2).", "Samen is open source (EUPL-1.2)."},
	{"footer.privacy",
	 "Persoonsgegevens blijven bij het eigen bestuur; gedeelde cijfers zijn geaggregeerd.",
	 "Personal data stays with its own board; shared figures are aggregated."},
	{NULL, NULL, NULL},
};

extern const struct i18n_entry i18n_facts[];
extern const struct i18n_entry i18n_secondment[];
extern const struct i18n_entry i18n_calendar[];
extern const struct i18n_entry i18n_match[];
extern const struct i18n_entry i18n_costs[];
extern const struct i18n_entry i18n_timetable[];

/* Every table of texts; a feature module adds its table here (one line). */
static const struct i18n_entry *const tables[] = {
	texts,
	/* I18N-TABLES: modules add their tables below this marker. */
	i18n_timetable,
	i18n_match,
	i18n_costs,
	i18n_calendar,
	i18n_facts,
	i18n_secondment,
	NULL,
};

/*
 * All entries of all tables, sorted by key once (first definition of a key
 * wins, as the duplicate check in i18n_missing demands), so a lookup is a
 * binary search rather than a scan of every table on every call.
 */
static const struct i18n_entry **sorted;
static size_t nsorted;
static pthread_once_t sorted_once = PTHREAD_ONCE_INIT;

static int cmp_entry(const void *a, const void *b)
{
	const struct i18n_entry *x = *(const struct i18n_entry *const *)a;
	const struct i18n_entry *y = *(const struct i18n_entry *const *)b;
	int c = strcmp(x->key, y->key);
	/* Equal keys keep table order, so the first definition is found first. */
	return c ? c : (x < y ? -1 : x > y);
}

static void build_index(void)
{
	size_t n = 0;
	for (size_t t = 0; tables[t]; t++)
		for (const struct i18n_entry *e = tables[t]; e->key; e++)
			n++;
	sorted = malloc(n * sizeof *sorted);
	if (!sorted)
		return;
	for (size_t t = 0; tables[t]; t++)
		for (const struct i18n_entry *e = tables[t]; e->key; e++)
			sorted[nsorted++] = e;
	qsort(sorted, nsorted, sizeof *sorted, cmp_entry);
}

const char *i18n_text(enum lang lang, const char *key)
{
	pthread_once(&sorted_once, build_index);
	size_t lo = 0, hi = nsorted;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strcmp(sorted[mid]->key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < nsorted && strcmp(sorted[lo]->key, key) == 0)
		return lang == LANG_EN ? sorted[lo]->en : sorted[lo]->nl;
	return key;
}

const char *tr(const struct req *r, const char *key)
{
	return i18n_text(r->lang, key);
}

enum lang i18n_parse(const char *code)
{
	return code && strncmp(code, "en", 2) == 0 ? LANG_EN : LANG_NL;
}

const char *i18n_code(enum lang lang)
{
	return lang == LANG_EN ? "en" : "nl";
}

int i18n_missing(void)
{
	int n = 0;
	for (size_t t = 0; tables[t]; t++)
		for (const struct i18n_entry *e = tables[t]; e->key; e++) {
			if (!e->nl[0] || !e->en[0])
				n++;
			/* A key defined twice is a mistake too: only the first would show. */
			for (size_t u = 0; u <= t; u++)
				for (const struct i18n_entry *f = tables[u]; f->key && f != e; f++)
					if (strcmp(f->key, e->key) == 0)
						n++;
		}
	return n;
}
