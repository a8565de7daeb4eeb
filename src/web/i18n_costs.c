/*
 * i18n_costs.c - texts of the cost-price settings pages (page_cost_settings.c).
 */
#include "web/i18n.h"

const struct i18n_entry i18n_costs[] = {
	{"costs.board_title", "Werkgeverslasten en reiskosten", "Employer charges and travel allowance"},
	{"costs.board_intro",
	 "De kostprijs van uitgeleende uren is het brutosalaris uit de salaristabel plus dit"
	 " percentage werkgeverslasten; reiskosten gaan per kilometer. Per jaar geldt de laatste"
	 " waarde van dat jaar of eerder (DOMAIN-RULES regel 9).",
	 "The cost price of lent hours is the gross salary from the salary table plus this"
	 " employer-charges percentage; travel is paid per kilometre. For a year the value of"
	 " that year or the latest earlier one applies (DOMAIN-RULES rule 9)."},
	{"costs.board_caption", "Instellingen per jaar", "Settings per year"},
	{"costs.year", "Jaar", "Year"},
	{"costs.charges", "Werkgeverslasten", "Employer charges"},
	{"costs.travel", "Reiskosten per km", "Travel per km"},
	{"costs.note", "Toelichting", "Note"},
	{"costs.none", "Nog geen instellingen.", "No settings yet."},
	{"costs.set_year", "Instelling voor een jaar vastleggen", "Set the figures for a year"},
	{"costs.charges_field", "Werkgeverslasten in procenten (bijv. 35,5)",
	 "Employer charges in percent (e.g. 35.5)"},
	{"costs.travel_field", "Reiskosten per km in euro (bijv. 0,23)", "Travel per km in euro (e.g. 0.23)"},
	{"costs.save", "Opslaan", "Save"},
	{"costs.bad_year", "Geef een jaar, bijvoorbeeld 2027.", "Give a year, for example 2027."},
	{"costs.bad_charges", "Werkgeverslasten: een percentage tussen 0 en 200 met hoogstens twee decimalen.",
	 "Employer charges: a percentage between 0 and 200 with at most two decimals."},
	{"costs.bad_travel", "Reiskosten: een bedrag tussen 0 en 10 euro per km met hoogstens twee decimalen.",
	 "Travel: an amount between 0 and 10 euro per km with at most two decimals."},
	{"costs.tables_title", "Salaristabellen", "Salary tables"},
	{"costs.tables_intro",
	 "Per cao-jaar een tabel met het bruto maandsalaris (voltijd) per schaal en trede; de kostprijs"
	 " van een maand gebruikt de tabel die dan geldt. Elke waarde heeft haar bron.",
	 "One table per CAO year with the gross monthly salary (full-time) per scale and step; the cost"
	 " price of a month uses the table in force then. Every value has its source."},
	{"costs.valid_from", "Geldig vanaf", "Valid from"},
	{"costs.label", "Omschrijving", "Description"},
	{"costs.steps", "Treden", "Steps"},
	{"costs.new_table", "Nieuwe tabel voor een cao-jaar", "New table for a CAO year"},
	{"costs.new_table_hint",
	 "De nieuwe tabel begint als kopie van de tabel die de dag ervoor gold, met de verhoging"
	 " toegepast (afgerond op centen). Pas daarna afzonderlijke bedragen aan.",
	 "The new table starts as a copy of the table in force the day before, with the raise"
	 " applied (rounded to the cent). Then adjust single amounts."},
	{"costs.valid_from_field", "Geldig vanaf (JJJJ-MM-DD)", "Valid from (YYYY-MM-DD)"},
	{"costs.raise_field", "Verhoging in procenten (bijv. 1,2)", "Raise in percent (e.g. 1.2)"},
	{"costs.add", "Tabel toevoegen", "Add table"},
	{"costs.table_title", "Salaristabel", "Salary table"},
	{"costs.scale", "Schaal", "Scale"},
	{"costs.step", "Trede", "Step"},
	{"costs.monthly", "Bruto per maand", "Gross per month"},
	{"costs.monthly_field", "Bruto maandsalaris voltijd in euro (bijv. 4123,45)",
	 "Gross monthly full-time salary in euro (e.g. 4123.45)"},
	{"costs.source", "Bron", "Source"},
	{"costs.set_step", "Bedrag vastleggen", "Set an amount"},
	{"costs.bad_date", "Geef de datum als JJJJ-MM-DD, bijvoorbeeld 2027-01-01.",
	 "Give the date as YYYY-MM-DD, for example 2027-01-01."},
	{"costs.bad_label", "Geef een omschrijving.", "Give a description."},
	{"costs.bad_raise", "Verhoging: een percentage tussen 0 en 100 met hoogstens twee decimalen.",
	 "Raise: a percentage between 0 and 100 with at most two decimals."},
	{"costs.bad_scale", "Geef een schaal, bijvoorbeeld LB of 11.", "Give a scale, for example LB or 11."},
	{"costs.bad_step", "Trede: een geheel getal van 0 tot en met 30.", "Step: a whole number from 0 to 30."},
	{"costs.bad_amount", "Bedrag: een positief bedrag in euro met hoogstens twee decimalen.",
	 "Amount: a positive amount in euro with at most two decimals."},
	{"costs.bad_source", "Geef de bron van het bedrag.", "Give the source of the amount."},
	{"costs.nav", "Kostprijs", "Cost price"},
	/* A board puts staff forward for the regional pool (page_pool_forward.c). */
	{"forward.title", "Voordragen voor de regionale pool", "Put forward for the regional pool"},
	{"forward.intro",
	 "Draag een medewerker voor die uw bestuur geen plek kan bieden (boventallig) of van wie het"
	 " contract afloopt, zodat de regio hem of haar behoudt. Dat mag alleen met instemming van de"
	 " medewerker; die kan zich daarna altijd direct terugtrekken.",
	 "Put forward a staff member your board has no place for (boventallig) or whose contract ends,"
	 " so that the region keeps them. Only with the staff member's consent; they can withdraw at"
	 " any time."},
	{"forward.kind", "Reden", "Reason"},
	{"forward.boventallig", "Boventallig", "No place at the board (boventallig)"},
	{"forward.contract_end", "Contract loopt af", "Contract ends"},
	{"forward.hours", "Uren per week beschikbaar", "Hours per week available"},
	{"forward.days", "Beschikbare dagen", "Days available"},
	{"forward.travel", "Maximale reistijd in minuten (enkele reis)", "Maximum travel time in minutes (one way)"},
	{"forward.consent", "De medewerker heeft ingestemd met deze voordracht", "The staff member agreed to this"},
	{"forward.submit", "Voordragen", "Put forward"},
	{"forward.link", "Voordragen voor de regionale pool", "Put forward for the regional pool"},
	{"forward.bad_kind", "Kies een reden.", "Choose a reason."},
	{"forward.bad_hours", "Uren per week: een getal groter dan 0 en hoogstens 40.",
	 "Hours per week: a number above 0 and at most 40."},
	{"forward.bad_travel", "Reistijd: een geheel aantal minuten van 0 tot en met 240.",
	 "Travel time: whole minutes from 0 to 240."},
	{"forward.bad_days", "Kies ten minste één dag.", "Choose at least one day."},
	/* Splitting a help request (page_match.c, store/match_split.c). */
	{"split.title", "Lessen afsplitsen", "Split lessons off"},
	{"split.intro",
	 "Zet lessen die niemand bevoegd kan geven in een eigen hulpvraag, bijvoorbeeld om daar ook"
	 " onderbevoegde of benoembare hulp toe te laten; die wordt dan als zodanig getoond.",
	 "Put lessons nobody qualified can take into a request of their own, for example to allow"
	 " under-qualified or appointable help there; such help is then shown as such."},
	{"split.lessons", "Welke lessen?", "Which lessons?"},
	{"split.accept_under", "Onderbevoegde en benoembare hulp toestaan voor deze lessen",
	 "Allow under-qualified and appointable help for these lessons"},
	{"split.submit", "Afsplitsen in een nieuwe hulpvraag", "Split off into a new request"},
	/* What an offer means for the teacher (match_effect.c). */
	{"effect.lessons", "De lessen van dit aanbod:", "The lessons of this offer:"},
	{"effect.mon", "maandag", "Monday"},
	{"effect.tue", "dinsdag", "Tuesday"},
	{"effect.wed", "woensdag", "Wednesday"},
	{"effect.thu", "donderdag", "Thursday"},
	{"effect.fri", "vrijdag", "Friday"},
	{"effect.period", "uur", "period"},
	{"effect.extra", "Dit aanbod is", "This offer is"},
	{"effect.hours_year", "uur per jaar", "hours a year"},
	{"effect.weeks", "lesweken", "teaching weeks"},
	{"effect.contract", "Uw aanstelling", "Your appointment"},
	{"effect.pay", "Bruto maandsalaris bij schaal", "Gross monthly salary at scale"},
	{"effect.per_month", "per maand (naar rato van de fte)", "a month (pro rata the FTE)"},
	{"effect.employer",
	 "Uw eigen bestuur blijft uw werkgever: de extra uren worden gedetacheerd bij de andere school,"
	 " en uw salaris loopt via uw eigen bestuur.",
	 "Your own board stays your employer: the extra hours are seconded to the other school, and"
	 " your salary is paid by your own board."},
	{NULL, NULL, NULL},
};
