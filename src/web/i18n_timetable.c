/*
 * i18n_timetable.c - texts of the timetable settings of a school and the
 * matching settings of a region (page_timetable.c), Dutch and English.
 */
#include "web/i18n.h"

const struct i18n_entry i18n_timetable[] = {
	{"tt.title", "Rooster en lestijden", "Timetable and lesson times"},
	{"tt.link", "Rooster en lestijden (voor hulp bij tekorten)", "Timetable and lesson times (for shortage help)"},
	{"tt.intro",
	 "Samen gebruikt het rooster van de school om te zien wanneer een docent lesgeeft: een"
	 " kandidaat voor een hulpvraag moet vrij zijn, met reistijd. Hier stelt u het belschema,"
	 " de lesduur en de lesnorm in, koppelt u roostercodes aan medewerkers en uploadt u het"
	 " rooster uit Untis of Zermelo.",
	 "Samen uses the school's timetable to see when a teacher is teaching: a candidate for a"
	 " help request must be free, travel included. Here you set the bell schedule, the lesson"
	 " length and the teaching cap, link timetable codes to staff and upload the timetable"
	 " from Untis or Zermelo."},
	{"tt.bells", "Belschema", "Bell schedule"},
	{"tt.bells_intro",
	 "Elk lesuur met begin- en eindtijd (UU:MM), genummerd 1, 2, 3, ... op volgorde; pauzes"
	 " tussen uren mogen, overlap niet. Laat een rij leeg om een uur te schrappen.",
	 "Every period with its start and end (HH:MM), numbered 1, 2, 3, ... in order; breaks"
	 " between periods are allowed, overlaps are not. Leave a row empty to drop a period."},
	{"tt.bells_none",
	 "De school heeft nog geen belschema. Untis-roosters hebben het nodig: vul de lesuren in.",
	 "The school has no bell schedule yet. Untis timetables need it: fill in the periods."},
	{"tt.bells_caption", "Lesuren", "Periods"},
	{"tt.period", "Lesuur", "Period"},
	{"tt.start", "Begin", "Start"},
	{"tt.end", "Einde", "End"},
	{"tt.row", "Rij", "Row"},
	{"tt.lesson", "Lesduur in minuten", "Lesson length in minutes"},
	{"tt.lesson_hint", "De standaardlesduur van de school, 20 tot 120 minuten (regel 14).",
	 "The school's standard lesson length, 20 to 120 minutes (rule 14)."},
	{"tt.cap", "Lesnorm in klokuren per fte per jaar", "Teaching cap in clock hours per fte-year"},
	{"tt.cap_hint", "Hoeveel uur een voltijder per jaar les mag geven, 1 tot 1659 (regel 12; standaard 720).",
	 "How many hours a full-timer may teach per year, 1 to 1659 (rule 12; default 720)."},
	{"tt.save_bells", "Belschema opslaan", "Save bell schedule"},
	{"tt.saved", "Opgeslagen.", "Saved."},
	{"tt.bad_lesson", "De lesduur is een heel aantal minuten van 20 tot 120.",
	 "The lesson length is a whole number of minutes, 20 to 120."},
	{"tt.bad_cap", "De lesnorm is een aantal klokuren van 1 tot 1659.",
	 "The teaching cap is a number of clock hours, 1 to 1659."},
	{"tt.refused", "Niet opgeslagen:", "Not saved:"},
	{"tt.line", "regel", "line"},
	{"tt.field", "veld", "field"},
	{"tt.lessons", "Lessen in Samen", "Lessons in Samen"},
	{"tt.lessons_intro",
	 "Het aantal lessen van deze school per bron. Een nieuwe upload vervangt alle Untis- en"
	 " Zermelo-lessen van de school; andere lessen blijven.",
	 "The number of lessons of this school per source. A new upload replaces all Untis and"
	 " Zermelo lessons of the school; other lessons stay."},
	{"tt.lessons_other", "Overig", "Other"},
	{"tt.codes", "Roostercodes", "Teacher codes"},
	{"tt.codes_intro",
	 "Het rooster noemt docenten bij hun afkorting. Elke code hoort bij een medewerker van het"
	 " bestuur van de school; codes blijven bewaard voor de volgende upload.",
	 "The timetable names teachers by a short code. Every code belongs to a member of staff of"
	 " the school's board; codes are kept for the next upload."},
	{"tt.codes_caption", "Codes van deze school", "Codes of this school"},
	{"tt.codes_none", "Nog geen codes.", "No codes yet."},
	{"tt.code", "Code", "Code"},
	{"tt.code_hint", "1 tot 15 tekens, zoals in het rooster (bijvoorbeeld BAK).",
	 "1 to 15 characters, as in the timetable (for example BAK)."},
	{"tt.person", "Medewerker", "Member of staff"},
	{"tt.empno", "Personeelsnummer", "Employee number"},
	{"tt.empno_hint", "Of typ het personeelsnummer; dat gaat voor de keuze hierboven.",
	 "Or type the employee number; it takes precedence over the choice above."},
	{"tt.actions", "Actie", "Action"},
	{"tt.remove", "Verwijderen", "Remove"},
	{"tt.code_set", "Code toevoegen of wijzigen", "Add or change a code"},
	{"tt.choose", "Kies een medewerker", "Choose a member of staff"},
	{"tt.code_save", "Code opslaan", "Save code"},
	{"tt.upload", "Rooster uploaden", "Upload a timetable"},
	{"tt.upload_intro",
	 "Untis: GPU001 (lessen) en GPU004 (docenten), of Zermelo: de JSON van de afspraken. Een"
	 " codebestand (code;personeelsnummer) is optioneel. Alles of niets: bij een fout wordt"
	 " niets opgeslagen en ziet u elke fout met regel en veld.",
	 "Untis: GPU001 (lessons) and GPU004 (teachers), or Zermelo: the appointments JSON. A codes"
	 " file (code;personeelsnummer) is optional. All or nothing: on any error nothing is stored"
	 " and you see every error with its line and field."},
	{"tt.untis", "Untis (GPU-export)", "Untis (GPU export)"},
	{"tt.zermelo", "Zermelo", "Zermelo"},
	{"tt.gpu001", "GPU001 - lessen", "GPU001 - lessons"},
	{"tt.gpu004", "GPU004 - docenten", "GPU004 - teachers"},
	{"tt.zermelo_file", "Afspraken (JSON)", "Appointments (JSON)"},
	{"tt.codes_file", "Codebestand (optioneel)", "Codes file (optional)"},
	{"tt.dry_run", "Alleen controleren, niets opslaan", "Check only, store nothing"},
	{"tt.upload_button", "Uploaden", "Upload"},
	{"tt.upload_refused", "Het rooster is geweigerd; er is niets opgeslagen.",
	 "The timetable was refused; nothing was stored."},
	{"tt.more_problems", "Meer fouten, niet getoond:", "More problems, not shown:"},
	{"tt.imported", "Het rooster is opgeslagen.", "The timetable was stored."},
	{"tt.checked", "Controle geslaagd; er is niets opgeslagen.", "Check passed; nothing was stored."},
	{"tt.source", "Bron", "Source"},
	{"tt.result", "Uitkomst van de upload", "Result of the upload"},
	{"tt.n_lessons", "Lessen", "Lessons"},
	{"tt.n_replaced", "Vervangen lessen", "Lessons replaced"},
	{"tt.n_teachers", "Docenten", "Teachers"},
	{"tt.n_codes", "Codes uit codebestand", "Codes from the codes file"},
	{"tt.api", "Ook via de API:", "Also through the API:"},

	{"ms.title", "Matchinstellingen", "Matching settings"},
	{"ms.link", "Matchinstellingen en reistijden", "Matching settings and travel times"},
	{"ms.plan", "Regionaal plan", "Regional plan"},
	{"ms.intro",
	 "Hoe Samen hulpvragen en kandidaten in deze regio koppelt: de snelheid voor de geschatte"
	 " reistijd, het aantal lesweken per jaar en hoe lang een aanbod loopt. Ingevoerde"
	 " reistijden gaan voor de schatting.",
	 "How Samen matches help requests and candidates in this region: the speed for the"
	 " estimated travel time, the teaching weeks per year and how long an offer runs. Imported"
	 " travel times take precedence over the estimate."},
	{"ms.settings", "Instellingen", "Settings"},
	{"ms.speed", "Snelheid in km/u", "Speed in km/h"},
	{"ms.speed_hint", "Km per uur voor de reistijd uit de afstand, meer dan 0 en hoogstens 200 (standaard 30).",
	 "Km per hour for the travel time from the distance, more than 0 and at most 200 (default 30)."},
	{"ms.weeks", "Lesweken per jaar", "Teaching weeks per year"},
	{"ms.weeks_hint", "Zet uren per week om in uren per jaar, 1 tot 52 (standaard 40).",
	 "Turns hours per week into hours per year, 1 to 52 (default 40)."},
	{"ms.offer_days", "Looptijd aanbod in dagen", "Offer deadline in days"},
	{"ms.offer_days_hint", "Na zoveel dagen vervalt een aanbod zonder antwoord, 1 tot 30 (standaard 3).",
	 "After this many days an unanswered offer lapses, 1 to 30 (default 3)."},
	{"ms.save", "Instellingen opslaan", "Save settings"},
	{"ms.defaults", "Er zijn nog geen instellingen opgeslagen; dit zijn de standaardwaarden.",
	 "No settings stored yet; these are the defaults."},
	{"ms.bad_speed", "De snelheid is een getal groter dan 0 en hoogstens 200.",
	 "The speed is a number more than 0 and at most 200."},
	{"ms.bad_weeks", "Het aantal lesweken is een heel getal van 1 tot 52.",
	 "The teaching weeks are a whole number, 1 to 52."},
	{"ms.bad_days", "De looptijd is een heel aantal dagen van 1 tot 30.",
	 "The offer deadline is a whole number of days, 1 to 30."},
	{"ms.travel", "Reistijden", "Travel times"},
	{"ms.travel_intro", "Ingevoerde reistijden tussen scholen, per richting, in minuten.",
	 "Imported travel times between schools, one direction each, in minutes."},
	{"ms.travel_caption", "Reistijden van en naar scholen in de regio",
	 "Travel times from and to schools of the region"},
	{"ms.from", "Van", "From"},
	{"ms.to", "Naar", "To"},
	{"ms.minutes", "Minuten", "Minutes"},
	{"ms.travel_none", "Nog geen reistijden; Samen schat ze uit de afstand.",
	 "No travel times yet; Samen estimates them from the distance."},
	{"ms.travel_upload", "Reistijden uploaden", "Upload travel times"},
	{"ms.travel_format",
	 "Een CSV-bestand met regels van_brinvest;naar_brinvest;minuten (bijvoorbeeld"
	 " 31KN00;27AK00;14), eventueel met een kopregel. Beide scholen horen bij deze regio. Alles"
	 " of niets: bij een fout wordt niets opgeslagen en noemt de melding regel en veld.",
	 "A CSV file with rows from_brinvest;to_brinvest;minutes (for example 31KN00;27AK00;14),"
	 " optionally with a header line. Both schools belong to this region. All or nothing: on"
	 " any error nothing is stored and the message names the line and field."},
	{"ms.travel_file", "CSV-bestand", "CSV file"},
	{"ms.travel_button", "Reistijden uploaden", "Upload travel times"},
	{"ms.travel_done", "De reistijden zijn opgeslagen.", "The travel times were stored."},
	{NULL, NULL, NULL},
};
