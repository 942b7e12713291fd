"""The app's words in Danish (default) and English. Model labels come from calculator (flows, messages)."""

from __future__ import annotations

LANGS = ("da", "en")

S: dict[str, tuple[str, str]] = {
    # page
    "page_title": ("Business case: beskæftigelsesindsats", "Business case: employment effort"),
    "title": ("Hvad får kommunen ud af, at flere kommer i job?", "What does the municipality gain when more people get jobs?"),
    "tagline": (
        "Beregner måned for måned, hvad en beskæftigelsesindsats for indvandrere og flygtninge betyder for "
        "kommunens økonomi – resultattilskud, sparet forsørgelse, skat og tilskud minus indsatsens udgifter – "
        "til økonomikonsulenter, projektledere og konsulenter.",
        "Computes, month by month, what an employment effort for immigrants and refugees means for the "
        "municipality's budget – result grants, saved benefits, tax and subsidies minus the effort's costs – "
        "for finance officers, project leads and consultants.",
    ),
    "deadweight": (
        "Kun effekten tæller som gevinst: forskellen mellem med og uden indsatsen. Dem, der ville være kommet "
        "i job alligevel (dødvægt), tæller ikke.",
        "Only the effect counts as gain: the difference between with and without the effort. People who would "
        "have found a job anyway (deadweight) do not count.",
    ),
    "language": ("Sprog / Language", "Sprog / Language"),
    "presentation": ("Præsentation", "Presentation"),
    "presentation_help": ("Skjul indtastningen og vis store nøgletal til projektor", "Hide the inputs and show large key figures for a projector"),
    "stamp_prefix": ("Genberegning", "Reproduce"),
    # status
    "invalid_banner": (
        "Indtastningen har fejl (se markeringerne). Resultaterne nedenfor er fra det sidste gyldige scenarie.",
        "The inputs have errors (see the marks). The results below are from the last valid scenario.",
    ),
    "calc_error": ("Beregningen kunne ikke gennemføres: {msg}", "The calculation could not be done: {msg}"),
    "general_problems": ("Ret dette før der kan regnes:", "Fix this before the model can calculate:"),
    "load_error_link": ("Delingslinket kunne ikke åbnes; eksemplet vises i stedet.", "The share link could not be opened; the example is shown instead."),
    # sidebar sections
    "sec_scenario": ("Scenarie", "Scenario"),
    "sec_place": ("Kommune og periode", "Municipality and period"),
    "sec_tax": ("Skat og udligning", "Tax and equalisation"),
    "sec_tax_more": ("Flere skattevalg", "More tax options"),
    "sec_cohort_details": ("Flere forudsætninger: forsørgelse, integrationsprogram, tilskud, danskprøver",
                           "More assumptions: benefit, integration programme, subsidies, Danish tests"),
    "sec_files": ("Gem, hent og del", "Save, load and share"),
    "scenario_name": ("Scenariets navn", "Scenario name"),
    "scenario_description": ("Beskrivelse", "Description"),
    "example": ("Eksempel", "Example"),
    "load_example": ("Indlæs eksempel", "Load example"),
    "municipality": ("Kommune", "Municipality"),
    "budget_year": ("Budgetår", "Budget year"),
    "start_month": ("Startmåned", "Start month"),
    "horizon_months": ("Tidshorisont (måneder)", "Horizon (months)"),
    "tax_rate_pct": ("Kommuneskat (%)", "Municipal tax rate (%)"),
    "tax_rate_default": ("{municipality}s sats {year}: {rate}{estimate}", "{municipality}'s rate {year}: {rate}{estimate}"),
    "tax_rate_own": ("Dit eget tal (kommunens sats er {rate})", "Your own figure (the municipality's rate is {rate})"),
    "discount_rate_pct": ("Diskonteringsrente (% p.a.)", "Discount rate (% p.a.)"),
    "discount_placeholder": ("{rate} (Finansministeriet)", "{rate} (Ministry of Finance)"),
    "opt_udligning": ("Overskrift efter udligning", "Headline after equalisation"),
    "opt_udligning_help": (
        "Efter udligning er det ærlige budgettal: kommunen beholder kun en del af den ekstra skat. Før udligning er "
        "det tal, de fleste business cases viser.",
        "After equalisation is the honest budget figure: the municipality keeps only part of the extra tax. Before "
        "is what most business cases show.",
    ),
    "opt_weak_tax_base": ("Svagt skattegrundlag (under 90 % af landsgennemsnittet)", "Weak tax base (below 90 % of the national average)"),
    "opt_spouse_personfradrag_used": ("Personfradraget er overført til ægtefællen", "The personal allowance was transferred to the spouse"),
    "opt_tax_lag_years": ("Forsinkelse af skatteindtægten (år)", "Tax revenue lag (years)"),
    "download_scenario": ("Gem scenariet (JSON)", "Save the scenario (JSON)"),
    "download_pdf": ("Rapport (PDF)", "Report (PDF)"),
    "download_xlsx": ("Regneark (Excel)", "Workbook (Excel)"),
    "download_last_valid": ("Gemmer det sidste gyldige scenarie.", "Saves the last valid scenario."),
    "upload": ("Hent et scenarie (JSON)", "Load a scenario (JSON)"),
    "upload_help": ("En fil gemt her eller brugt med kommandolinjen (python -m calculator run). Højst {limit} kB.",
                    "A file saved here or used with the command line (python -m calculator run). At most {limit} kB."),
    "upload_ok": ("Scenariet '{name}' er indlæst.", "The scenario '{name}' was loaded."),
    "upload_rejected": ("Filen '{file}' blev afvist; det nuværende scenarie er bevaret.", "The file '{file}' was rejected; the current scenario is kept."),
    "share_link": ("Delingslink", "Share link"),
    "share_help": (
        "Linket åbner præcis dette scenarie. Adresselinjen holdes også opdateret, så du kan kopiere den direkte.",
        "The link opens exactly this scenario. The address bar is kept up to date too, so you can copy it directly.",
    ),
    # cohorts
    "sec_cohorts": ("Målgrupper og effekt", "Cohorts and effect"),
    "cohort_fallback_name": ("Målgruppe {n}", "Cohort {n}"),
    "name": ("Navn", "Name"),
    "type": ("Type", "Type"),
    "size": ("Antal personer", "Number of people"),
    "benefit": ("Ydelse før indsatsen", "Benefit before the effort"),
    "benefit_standard": ("Standard for typen: {label}", "Default for the type: {label}"),
    "supplements": ("Tillæg til ydelsen", "Benefit supplements"),
    "supplements_ph": ("Ingen tillæg", "No supplements"),
    "monthly_benefit": ("Egen ydelse pr. måned (kr.)", "Own benefit per month (kr.)"),
    "monthly_benefit_ph": ("tom = satsen for ydelsen", "empty = the benefit's rate"),
    "prior_weeks": ("Uger på offentlig forsørgelse før start", "Weeks on public support before start"),
    "programme_share_pct": ("Andel i integrationsprogrammet (%)", "Share in the integration programme (%)"),
    "programme_year": ("År i integrationsprogrammet", "Year in the integration programme"),
    "default_ph": ("standard: {value}", "default: {value}"),
    "boligsikring_pct": ("Andel med boligsikring (%)", "Share with housing support (%)"),
    "friplads_pct": ("Andel med fripladstilskud (%)", "Share with daycare subsidy (%)"),
    "wage": ("Timeløn i jobbet (kr.)", "Hourly wage in the job (kr.)"),
    "wage_ph": ("tom = mindsteløn (overenskomst)", "empty = minimum wage (agreement)"),
    "hours": ("Timer pr. uge i jobbet", "Hours per week in the job"),
    "tests": ("Ekstra beståede danskprøver", "Extra Danish tests passed"),
    "test_month": ("Måned for danskprøverne", "Month of the Danish tests"),
    "sub_people": ("Forsørgelse og integrationsprogram", "Benefit and integration programme"),
    "sub_job": ("Boligsikring, fripladstilskud og danskprøver", "Housing support, daycare subsidy and Danish tests"),
    "sub_effect": ("Effekt (med minus uden indsatsen)", "Effect (with minus without the effort)"),
    "form": ("Effekten angives som", "Enter the effect as"),
    "form_ekstra_i_job": ("Ekstra i job", "Extra people in jobs"),
    "form_andel_i_job": ("Andel i job med/uden", "Share in jobs with/without"),
    "form_kortere_ydelse": ("Kortere tid på ydelse", "Shorter time on benefit"),
    "extra_people": ("Ekstra personer i job", "Extra people in jobs"),
    "from_month": ("Fra måned", "From month"),
    "duration": ("Varighed (måneder)", "Duration (months)"),
    "share_with_pct": ("Andel i job med indsatsen (%)", "Share in jobs with the effort (%)"),
    "share_without_pct": ("Andel i job uden indsatsen (%)", "Share in jobs without the effort (%)"),
    "by_month": ("Målt i måned", "Measured in month"),
    "exit_rate_pct": ("Jobafgang pr. måned (%)", "Job exits per month (%)"),
    "start_delay": ("Opstartsperiode uden jobstart (måneder)", "Start delay without job starts (months)"),
    "weeks_shorter": ("Uger kortere på ydelse pr. deltager", "Weeks shorter on benefit per participant"),
    "shorter_from_month": ("Fra måned", "From month"),
    "effect_hint_kortere": ("Giver ikke resultattilskud: jobbet ville være kommet senere alligevel.",
                            "Earns no result grant: the job would have come later anyway."),
    "preset": ("Effekt fra kilderne (forudindstilling)", "Effect from the sources (preset)"),
    "preset_none": ("– vælg en undersøgelse –", "– choose a study –"),
    "apply_preset": ("Brug denne effekt", "Use this effect"),
    "preset_applied": ("Effekten fra '{title}' er lagt ind.", "The effect from '{title}' was entered."),
    "preset_design": ("Design", "Design"),
    "preset_target": ("Målgruppe i studiet", "Target group in the study"),
    "preset_outcome": ("Udfald", "Outcome"),
    "preset_source": ("Kilde", "Source"),
    "preset_not_causal": (
        "Ikke en kausal effekt: tallet er {design}. Der er ingen kontrolgruppe, så forskellen kan skyldes andet "
        "end indsatsen. Brug det som en øvre grænse, ikke som forventet effekt.",
        "Not a causal effect: the figure is {design}. There is no comparison group, so the difference may have "
        "other causes than the effort. Use it as an upper bound, not as the expected effect.",
    ),
    "remove_cohort": ("Fjern målgruppen", "Remove the cohort"),
    "cohort_picker": ("Vis målgruppe", "Show cohort"),
    "other_cohort_errors": ("Der er fejl i en anden målgruppe ({names}); vælg den ovenfor:",
                            "Another cohort has errors ({names}); pick it above:"),
    "new_cohort_type": ("Ny målgruppe af typen", "New cohort of type"),
    "add_cohort": ("Tilføj målgruppe", "Add cohort"),
    "max_cohorts": ("Højst {n} målgrupper.", "At most {n} cohorts."),
    "last_cohort": ("Et scenarie skal have mindst én målgruppe.", "A scenario needs at least one cohort."),
    # costs
    "sec_costs": ("Indsatsens udgifter", "The effort's costs"),
    "cost_staff_fte": ("Personale (årsværk)", "Staff (FTE)"),
    "cost_staff_per_fte": ("Årlig udgift pr. årsværk inkl. overhead (kr.)", "Yearly cost per FTE incl. overhead (kr.)"),
    "cost_staff_months": ("Måneder med personale", "Months with staff"),
    "cost_staff_months_ph": ("tom = hele horisonten", "empty = the whole horizon"),
    "cost_offer_per_month": ("Tilbud pr. deltagermåned (kr.)", "Offers per participant-month (kr.)"),
    "cost_offer_months": ("Måneder med tilbud", "Months with offers"),
    "cost_offer_participants": ("Deltagere i tilbud", "Participants in offers"),
    "cost_offer_participants_ph": ("tom = alle deltagere", "empty = all participants"),
    "cost_one_off": ("Engangsudgifter (kr.)", "One-off costs (kr.)"),
    "cost_ws_persons": ("Personer i løntilskud", "People in wage subsidy"),
    "cost_ws_hours": ("Løntilskud, timer pr. uge", "Wage subsidy, hours per week"),
    "cost_ws_rate": ("Løntilskud pr. time (kr.)", "Wage subsidy per hour (kr.)"),
    "cost_ws_rate_ph": ("tom = satsen for privat løntilskud", "empty = the private wage-subsidy rate"),
    "cost_ws_months": ("Måneder med løntilskud", "Months of wage subsidy"),
    "cost_ws_from": ("Løntilskud fra måned", "Wage subsidy from month"),
    "sub_staff": ("Personale", "Staff"),
    "sub_offers": ("Tilbud og engangsudgifter", "Offers and one-off costs"),
    "sub_wage_subsidy": ("Løntilskud", "Wage subsidy"),
    # results
    "tile_net": ("Kommunens nettoresultat", "Municipality's net result"),
    "tile_net_help": ("Kommunens gevinster minus indsatsens udgifter over hele horisonten ({basis}).",
                      "The municipality's gains minus the effort's costs over the whole horizon ({basis})."),
    "after_udligning": ("efter udligning", "after equalisation"),
    "before_udligning": ("før udligning", "before equalisation"),
    "tile_npv": ("Nutidsværdi (NPV)", "Net present value (NPV)"),
    "tile_npv_help": ("Nettoresultatet tilbagediskonteret med {rate} om året.", "The net result discounted at {rate} a year."),
    "tile_payback": ("Tilbagebetalt", "Payback"),
    "tile_payback_help": ("Første måned, hvorfra det kumulerede resultat forbliver over nul.",
                          "The first month from which the cumulative result stays above zero."),
    "payback_month": ("måned {m}", "month {m}"),
    "payback_never": ("ikke inden for horisonten", "not within the horizon"),
    "payback_no_costs": ("ingen udgifter", "no costs"),
    "tile_breakeven": ("Break-even: ekstra i job", "Break-even: extra in jobs"),
    "tile_breakeven_help": (
        "Så mange flere (ud over dem, der ville være kommet i job alligevel) skal i job, før indsatsen betaler sig "
        "(NPV = 0). Scenariet har {people} ekstra i job.",
        "This many more people (beyond those who would have found a job anyway) must get a job for the effort to "
        "pay for itself (NPV = 0). The scenario has {people} extra in jobs.",
    ),
    "breakeven_value": ("{people} personer", "{people} people"),
    "breakeven_none": ("–", "–"),
    "breakeven_never": ("ingen gevinst at regne med", "no gain to count on"),
    "breakeven_pp": ("{pp} procentpoint af deltagerne", "{pp} percentage points of the participants"),
    "facts_line": (
        "{municipality} Kommune · {participants} deltagere · {extra} ekstra i job · gevinst {gains} · udgifter {costs} · "
        "{horizon} måneder fra {start}",
        "{municipality} · {participants} participants · {extra} extra in jobs · gains {gains} · costs {costs} · "
        "{horizon} months from {start}",
    ),
    "nav": ("Vis", "Show"),
    "nav_results": ("Resultater", "Results"),
    "nav_sources": ("Forudsætninger og kilder", "Assumptions and sources"),
    "nav_evidence": ("Evidens", "Evidence"),
    "nav_compare": ("Sammenlign", "Compare"),
    "chart_cumulative": ("Kumuleret nettoresultat for kommunen", "Municipality's cumulative net result"),
    "chart_waterfall": ("Fra gevinster til nettoresultat", "From gains to net result"),
    "chart_stakeholders": ("Hvem får gevinsten? Kommune, stat og husstand", "Who gains? Municipality, state and household"),
    "chart_per_year": ("Kommunen pr. år", "The municipality per year"),
    "table_per_cohort": ("Pr. målgruppe (kommunens gevinst)", "Per cohort (the municipality's gains)"),
    "all_flows": ("Alle pengestrømme måned for måned (CSV)", "All money flows month by month (CSV)"),
    "show_table": ("Tabel og CSV", "Table and CSV"),
    "download_csv": ("Hent CSV", "Download CSV"),
    "waterfall_note": (
        "Kommuneskat før udligning {before}, efter udligning {after} · {basis}",
        "Municipal tax before equalisation {before}, after equalisation {after} · {basis}",
    ),
    "waterfall_after": ("Overskriften er efter udligning.", "The headline is after equalisation."),
    "waterfall_before": ("Overskriften er før udligning; udligningen er ikke trukket fra.",
                         "The headline is before equalisation; equalisation is not deducted."),
    "stakeholder_note": (
        "Staten betaler resultattilskuddet og sparer refusion; husstanden får lønnen minus skat og de ydelser, der "
        "falder bort. Kommunens tal er overskriften.",
        "The state pays the result grant and saves refusion; the household gets the wage minus tax and the benefits "
        "that stop. The municipality's figure is the headline.",
    ),
    "col_month": ("Måned", "Month"),
    "col_date": ("Dato", "Date"),
    "col_net": ("Netto i måneden", "Net in the month"),
    "col_cumulative": ("Kumuleret", "Cumulative"),
    "col_step": ("Post", "Item"),
    "col_amount": ("Beløb", "Amount"),
    "col_kind": ("Art", "Kind"),
    "col_year": ("År", "Year"),
    "col_gains": ("Gevinst", "Gains"),
    "col_costs": ("Udgifter", "Costs"),
    "col_stakeholder": ("Part", "Party"),
    "col_cohort": ("Målgruppe", "Cohort"),
    "col_size": ("Deltagere", "Participants"),
    "col_extra": ("Ekstra i job", "Extra in jobs"),
    "kind_gain": ("Gevinst", "Gain"),
    "kind_cost": ("Udgift", "Cost"),
    "kind_total": ("Nettoresultat", "Net result"),
    "kind_up": ("Øger resultatet", "Raises the result"),
    "kind_down": ("Trækker fra", "Lowers the result"),
    "kr_axis": ("kr.", "DKK"),
    "payback_rule": ("Tilbagebetalt", "Payback"),
    # sources
    "sources_intro": (
        "Alle tal, scenariet har brugt, med værdi, gyldighedsdato, kilde og status. 'Skøn' er ikke bekræftet i en "
        "officiel kilde; 'dit eget tal' er et tal, du har overskrevet.",
        "Every figure the scenario used, with value, valid-from date, source and status. 'Estimate' is not confirmed "
        "in an official source; 'your own' is a figure you have overridden.",
    ),
    "sources_counts": ("{n} tal i alt · {est} skøn · {own} dine egne", "{n} figures · {est} estimates · {own} your own"),
    "status_verified": ("bekræftet", "verified"),
    "status_estimate": ("⚠ skøn", "⚠ estimate"),
    "status_own": ("✎ dit eget tal", "✎ your own"),
    "col_parameter": ("Parameter", "Parameter"),
    "col_description": ("Beskrivelse", "Description"),
    "col_value": ("Værdi", "Value"),
    "col_unit": ("Enhed", "Unit"),
    "col_valid_from": ("Gælder fra", "Valid from"),
    "col_status": ("Status", "Status"),
    "col_source": ("Kilde", "Source"),
    "col_link": ("Link", "Link"),
    "col_note": ("Note", "Note"),
    "link_text": ("åbn kilden", "open the source"),
    "override_title": ("Overskriv et tal", "Override a figure"),
    "override_param": ("Parameter", "Parameter"),
    "override_value": ("Dit tal ({unit})", "Your figure ({unit})"),
    "override_apply": ("Brug mit tal", "Use my figure"),
    "override_current": ("Standardværdi {when}: {value}", "Default value {when}: {value}"),
    "overrides_list": ("Dine egne tal", "Your own figures"),
    "override_remove": ("Fjern", "Remove"),
    "overrides_none": ("Ingen overskrevne tal.", "No overridden figures."),
    "tax_rate_override_hint": ("Kommuneskatten og diskonteringsrenten ændres i sidepanelet.",
                               "The municipal tax rate and the discount rate are changed in the sidebar."),
    "your_assumptions": ("Dine forudsætninger om effekten", "Your assumptions about the effect"),
    "sources_download": ("Hent kildelisten (CSV)", "Download the source list (CSV)"),
    # evidence
    "evidence_intro": (
        "Effekter fra kildedokumenterne, som kan lægges ind på en målgruppe. Kun randomiserede og kvasi-eksperimentelle "
        "studier måler en effekt; beskrivende tal og kommuners egne opgørelser gør ikke.",
        "Effects from the source documents that can be applied to a cohort. Only randomised and quasi-experimental "
        "studies measure an effect; descriptive figures and municipalities' own cases do not.",
    ),
    "col_preset": ("Undersøgelse", "Study"),
    "col_design": ("Design", "Design"),
    "col_causal": ("Kausal", "Causal"),
    "col_effect": ("Effekt", "Effect"),
    "col_target": ("Målgruppe", "Target group"),
    "yes": ("ja", "yes"),
    "no": ("nej – beskrivende", "no – descriptive"),
    # compare
    "compare_intro": ("Gem op til tre scenarier og se deres nøgletal side om side.",
                      "Keep up to three scenarios and see their key figures side by side."),
    "compare_add": ("Læg det nuværende scenarie i sammenligningen", "Add the current scenario to the comparison"),
    "compare_full": ("Der er allerede tre scenarier; fjern et først.", "There are already three scenarios; remove one first."),
    "compare_dupe": ("Dette scenarie er allerede med.", "This scenario is already included."),
    "compare_clear": ("Tøm sammenligningen", "Clear the comparison"),
    "compare_empty": ("Ingen scenarier i sammenligningen endnu.", "No scenarios in the comparison yet."),
    "compare_figure": ("Nøgletal", "Key figure"),
    "compare_diff": ("{b} − {a}", "{b} − {a}"),
    "compare_remove": ("Fjern", "Remove"),
    "compare_load": ("Hent ind", "Load"),
    "compare_chart": ("Kumuleret nettoresultat, scenarierne oven på hinanden", "Cumulative net result, scenarios overlaid"),
    "col_scenario": ("Scenarie", "Scenario"),
    # how certain is it? (break-even, tornado, Monte Carlo, optimism bias)
    "nav_certainty": ("Hvor sikkert er det?", "How certain is it?"),
    "cert_intro": (
        "Hvor robust er resultatet? Break-even viser, hvor stor effekten mindst skal være; følsomheden viser, hvilke "
        "forudsætninger der flytter resultatet mest; usikkerhedsberegningen regner mange mulige udfald på én gang.",
        "How robust is the result? Break-even shows how large the effect must at least be; the sensitivity shows which "
        "assumptions move the result most; the uncertainty calculation runs many possible outcomes at once.",
    ),
    "cert_breakeven": ("Hvornår betaler indsatsen sig?", "When does the effort pay for itself?"),
    "cert_root_ok": (
        "{cohort}: indsatsen betaler sig, hvis mindst {share} er i job efter {month} måneder (mod {without} uden "
        "indsatsen, {pp} procentpoint); scenariet regner med {entered}.",
        "{cohort}: the effort pays for itself if at least {share} are in a job after {month} months (against {without} "
        "without the effort, {pp} percentage points); the scenario assumes {entered}.",
    ),
    "cert_root_always": (
        "{cohort}: indsatsen betaler sig, selv om ikke flere end uden indsatsen ({without}) er i job efter {month} måneder.",
        "{cohort}: the effort pays for itself even if no more than without the effort ({without}) are in a job after "
        "{month} months.",
    ),
    "cert_root_never": (
        "{cohort}: indsatsen betaler sig ikke ved nogen andel i job, der kan nås efter {month} måneder med den angivne "
        "jobafgang.",
        "{cohort}: the effort does not pay for itself at any share in jobs that can be reached after {month} months at "
        "the entered job exit rate.",
    ),
    "cert_latest_from": ("{cohort}: jobstarterne må komme senest i måned {latest} (angivet: måned {entered}).",
                         "{cohort}: the job starts may come by month {latest} at the latest (entered: month {entered})."),
    "cert_latest_by": ("{cohort}: målet for andelen i job skal nås senest i måned {latest} (angivet: måned {entered}).",
                       "{cohort}: the share in jobs must be reached by month {latest} at the latest (entered: month {entered})."),
    "cert_tornado": ("Hvilke forudsætninger flytter resultatet mest?", "Which assumptions move the result most?"),
    "cert_tornado_note": (
        "Hver forudsætning flyttes alene til sin lave og høje værdi; alt andet er som angivet. Den lodrette linje er "
        "NPV som angivet ({base}). Størst udsving øverst.",
        "Each assumption is moved alone to its low and high value; everything else is as entered. The vertical line is "
        "the NPV as entered ({base}). Largest swing at the top.",
    ),
    "cert_tornado_failed": ("Kunne ikke beregnes: {names}. Se tabellen.", "Could not be calculated: {names}. See the table."),
    "cert_tornado_edit": ("Ret lav og høj værdi", "Edit the low and high values"),
    "cert_tornado_edit_note": (
        "Faktorer er i procent af scenariets egen værdi (100 % = som angivet). Udligning regnes fra og til og har "
        "ingen tal at rette. Kommuneskat tom = laveste og højeste kommune i budgetåret.",
        "Factors are in percent of the scenario's own value (100 % = as entered). Equalisation is switched off and on "
        "and has no figures to edit. Municipal tax empty = the lowest and highest municipality in the budget year.",
    ),
    "cert_side_low": ("Lav værdi", "Low value"),
    "cert_no_effect": ("ingen betydning her", "no effect here"),
    "cert_side_high": ("Høj værdi", "High value"),
    "cert_unit_factor": ("% af det angivne", "% of the entered value"),
    "cert_unit_weeks": ("uger", "weeks"),
    "cert_unit_pct": ("%", "%"),
    "cert_low": ("Lav", "Low"),
    "cert_high": ("Høj", "High"),
    "cert_mode": ("Typisk", "Most likely"),
    "cert_mean": ("Middel", "Mean"),
    "cert_sd": ("Spredning", "Std. deviation"),
    "cert_err_missing": ("Skriv et tal.", "Enter a number."),
    "cert_err_range": ("Skal være mellem {lo} og {hi} (fik {v}).", "Must be between {lo} and {hi} (got {v})."),
    "cert_err_order": ("Lav ({low}) er større end høj ({high}).", "Low ({low}) is greater than high ({high})."),
    "cert_err_triangle": ("Der skal gælde lav ≤ typisk ≤ høj (fik {low}, {mode} og {high}).",
                          "It must hold that low ≤ most likely ≤ high (got {low}, {mode} and {high})."),
    "cert_err_whole": ("Skal være et helt tal.", "Must be a whole number."),
    "cert_invalid_spec": (
        "Der er fejl i værdierne (se markeringerne). Tallene nedenfor er fra de sidste gyldige værdier.",
        "The values have errors (see the marks). The figures below are from the last valid values.",
    ),
    "cert_calc_error": ("Analysen kunne ikke gennemføres: {msg}", "The analysis could not be done: {msg}"),
    "cert_col_input": ("Forudsætning", "Assumption"),
    "cert_col_npv_low": ("NPV ved lav", "NPV at low"),
    "cert_col_npv_high": ("NPV ved høj", "NPV at high"),
    "cert_col_swing": ("Udsving", "Swing"),
    "cert_col_note": ("Bemærkning", "Note"),
    "cert_mc": ("Hvor sikkert er resultatet? Usikkerhedsberegning", "How certain is the result? Uncertainty calculation"),
    "cert_mc_note": (
        "Effekt, jobfastholdelse, løn, timer og omkostninger trækkes {draws} gange fra fordelingerne under \"Ret "
        "fordelingerne\"; hvert træk er en hel beregning. Samme frø giver samme tal (NPV uden usikkerhed: {plain}).",
        "Effect, job retention, wage, hours and costs are drawn {draws} times from the distributions under \"Edit the "
        "distributions\"; each draw is a full calculation. The same seed gives the same figures (NPV without "
        "uncertainty: {plain}).",
    ),
    "cert_seed": ("Frø (samme frø, samme tal)", "Seed (same seed, same figures)"),
    "cert_draws": ("Antal træk", "Number of draws"),
    "cert_p10": ("NPV, P10 (pessimistisk)", "NPV, P10 (pessimistic)"),
    "cert_p50": ("NPV, P50 (median)", "NPV, P50 (median)"),
    "cert_p90": ("NPV, P90 (optimistisk)", "NPV, P90 (optimistic)"),
    "cert_p_help": ("{p} % af trækkene giver en lavere NPV.", "{p} % of the draws give a lower NPV."),
    "cert_prob": ("Sandsynlighed for NPV ≥ 0", "Probability of NPV ≥ 0"),
    "cert_prob_help": ("Sandsynligheden for, at indsatsen betaler sig: andelen af trækkene, hvor NPV er mindst 0.",
                       "The probability that the effort pays off: the share of draws in which the NPV is at least 0."),
    "cert_prob_delta": ("NPV ≥ 0 i {n} af {draws} træk", "NPV ≥ 0 in {n} of {draws} draws"),
    "cert_unreachable": (
        "I {n} af {draws} træk kunne andelen i job ikke nås med den trukne jobafgang; der er brugt den højest mulige andel.",
        "In {n} of {draws} draws the share in jobs could not be reached at the drawn job exit rate; the highest possible "
        "share was used.",
    ),
    "cert_mc_edit": ("Ret fordelingerne", "Edit the distributions"),
    "cert_mc_edit_note": (
        "Tallene er faktorer i procent af scenariets egen værdi (100 % = som angivet). Standardspændene er projektets "
        "skøn: en effekt målt ét sted flytter sjældent uændret (±50 %), fastholdelsen er lige så usikker; lønnen er "
        "ofte over mindstelønnen (op til +25 %), job kan have færre timer (ned til −20 %); omkostninger skrider oftere "
        "op end ned (−10 % / +30 %).",
        "The figures are factors in percent of the scenario's own value (100 % = as entered). The default spreads are "
        "the project's own judgement: an effect measured in one place rarely transfers unchanged (±50 %), retention is "
        "as uncertain; pay is often above the minimum wage (up to +25 %), jobs may have fewer hours (down to −20 %); "
        "costs overrun more often than they undershoot (−10 % / +30 %).",
    ),
    "cert_kind": ("Fordeling", "Distribution"),
    "cert_kind_triangular": ("Trekant (lav, typisk, høj)", "Triangular (low, most likely, high)"),
    "cert_kind_uniform": ("Ligefordelt (lav, høj)", "Uniform (low, high)"),
    "cert_kind_normal": ("Normal (middel, spredning)", "Normal (mean, std. deviation)"),
    "cert_hist_x": ("NPV (kr.)", "NPV (DKK)"),
    "cert_hist_y": ("Antal træk", "Draws"),
    "cert_pays": ("NPV ≥ 0", "NPV ≥ 0"),
    "cert_pays_not": ("NPV < 0", "NPV < 0"),
    "cert_col_from": ("NPV fra", "NPV from"),
    "cert_col_to": ("NPV til", "NPV to"),
    "cert_col_count": ("Antal træk", "Draws"),
    "cert_col_share": ("Andel", "Share"),
    "cert_col_measure": ("Mål", "Measure"),
    "cert_col_npv": ("NPV", "NPV"),
    "cert_col_net": ("Nettoresultat", "Net result"),
    "cert_row_mean": ("Middel", "Mean"),
    "cert_row_plain": ("Uden usikkerhed (som angivet)", "Without uncertainty (as entered)"),
    "cert_all_draws": ("Alle træk (CSV)", "All draws (CSV)"),
    "cert_ob": ("Optimism bias: effekt fra evidensbiblioteket", "Optimism bias: effect from the evidence library"),
    "cert_ob_intro": (
        "En effekt fra en undersøgelse reduceres med en procent, der afhænger af undersøgelsens design: jo svagere "
        "design, jo større reduktion. Reduktionen rammer kun effekten (med minus uden indsatsen). Procenterne er "
        "standardværdier (skøn) og kan rettes.",
        "An effect from a study is reduced by a percentage that depends on the study's design: the weaker the design, "
        "the larger the haircut. The haircut only touches the effect (with minus without the effort). The percentages "
        "are defaults (estimates) and can be edited.",
    ),
    "cert_ob_none": (
        "Ingen målgruppe har en effekt fra evidensbiblioteket. Vælg en undersøgelse under \"Effekt fra kilderne\" og "
        "tryk \"Brug denne effekt\"; så vises reduktionen her.",
        "No cohort has an effect from the evidence library. Choose a study under \"Effect from the sources\" and press "
        "\"Use this effect\"; the haircut is then shown here.",
    ),
    "cert_ob_stale": ("Ret fejlene i indtastningen for at se reduktionen.", "Fix the errors in the inputs to see the haircut."),
    "cert_ob_edited": (
        "{cohort}: effekten er ændret, efter \"{preset}\" blev lagt ind, så undersøgelsens reduktion bruges ikke.",
        "{cohort}: the effect was changed after \"{preset}\" was entered, so the study's haircut is not used.",
    ),
    "cert_ob_rate": ("Reduktion for {design} (%)", "Haircut for {design} (%)"),
    "cert_ob_default": ("Standard {rate}{status}: {reason}", "Default {rate}{status}: {reason}"),
    "cert_ob_sources": ("Kilder til metoden", "Sources for the method"),
    "cert_ob_cohort": ("**{cohort}** · {study} · {design} · reduktion {rate}",
                       "**{cohort}** · {study} · {design} · haircut {rate}"),
    "cert_ob_before": ("Før reduktionen", "Before the haircut"),
    "cert_ob_after": ("Efter reduktionen", "After the haircut"),
    "cert_ob_row_pp": ("Procentpoint af deltagerne", "Percentage points of the participants"),
    "cert_ob_npv_before": ("NPV før reduktionen", "NPV before the haircut"),
    "cert_ob_npv_after": ("NPV efter reduktionen", "NPV after the haircut"),
    "cert_ob_net_line": ("Nettoresultat: før reduktionen {before}, efter reduktionen {after}",
                         "Net result: before the haircut {before}, after the haircut {after}"),
    "cert_ob_apply": ("Brug den reducerede effekt i scenariet", "Use the reduced effect in the scenario"),
    "cert_ob_undo": ("Brug effekten fra undersøgelsen igen", "Use the study's effect again"),
    "cert_ob_in_use": ("Den reducerede effekt bruges i scenariet: alle tal i appen er efter reduktionen.",
                       "The reduced effect is used in the scenario: every figure in the app is after the haircut."),
    "cert_ob_restored": ("Effekten fra undersøgelsen er lagt ind igen.", "The study's effect was entered again."),
    "cert_stamp": ("{stamp} · usikkerhed: {draws} træk, frø {seed}", "{stamp} · uncertainty: {draws} draws, seed {seed}"),
}

MONTHS = {
    "da": ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
}

COHORT_TYPES = {
    "aegtefaelleforsoerget": ("Ægtefælleforsørgede", "Spouse-supported"),
    "aktivitetsparat": ("Aktivitetsparate kontanthjælpsmodtagere", "Activity-ready (cash benefit)"),
    "jobparat": ("Jobparate kontanthjælpsmodtagere", "Job-ready (cash benefit)"),
    "nyankommen": ("Nyankomne flygtninge og familiesammenførte", "Newly arrived refugees and family-reunified"),
    "egen": ("Egen målgruppe", "Custom cohort"),
}

BENEFITS = {
    "ingen": ("Ingen ydelse (forsørget af ægtefælle)", "No benefit (supported by spouse)"),
    "kontanthjaelp_forsoerger": ("Kontanthjælp, forsørger", "Cash benefit, with children"),
    "kontanthjaelp_ikke_forsoerger": ("Kontanthjælp, ikke-forsørger", "Cash benefit, no children"),
    "forhoejet_sats": ("Kontanthjælp fra 1.7.2025: forhøjet sats", "Cash benefit from 1.7.2025: raised rate"),
    "grundsats": ("Kontanthjælp fra 1.7.2025: grundsats", "Cash benefit from 1.7.2025: basic rate"),
    "mindstesats": ("Kontanthjælp fra 1.7.2025: mindstesats", "Cash benefit from 1.7.2025: lowest rate"),
    "selvforsoergelsesydelse_enlig_forsoerger": ("Selvforsørgelsesydelse, enlig forsørger", "Self-support benefit, single parent"),
    "selvforsoergelsesydelse_forsoerger": ("Selvforsørgelsesydelse, forsørger", "Self-support benefit, with children"),
    "selvforsoergelsesydelse_ikke_forsoerger": ("Selvforsørgelsesydelse, ikke-forsørger", "Self-support benefit, no children"),
}

SUPPLEMENTS = {
    "boernetillaeg": ("Børnetillæg", "Child supplement"),
    "enlig_forsoerger": ("Tillæg, enlig forsørger", "Supplement, single parent"),
    "enlig_ikke_forsoerger": ("Tillæg, enlig ikke-forsørger", "Supplement, single without children"),
}


def t(key: str, lang: str = "da", **kw) -> str:
    da, en = S[key]
    text = da if lang == "da" else en
    return text.format(**kw) if kw else text


def label(table: dict[str, tuple[str, str]], key: str, lang: str = "da") -> str:
    pair = table.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "da" else pair[1]
