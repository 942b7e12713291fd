"""'Hvor sikkert er det?': break-even in plain sentences, the tornado, the Monte Carlo and the optimism-bias haircut.

- :mod:`ui.certainty.specs` (pure): the editable tornado ranges, distributions and haircut percentages;
- :mod:`ui.certainty.tables` (pure): the tables behind the charts and the CSV downloads;
- :mod:`ui.certainty.evidence` (pure): the cohorts whose effect came from a study, read from the scenario;
- :mod:`ui.certainty.export`: the same analyses for the PDF and Excel exports;
- the views :mod:`~ui.certainty.breakeven`, :mod:`~ui.certainty.tornado`, :mod:`~ui.certainty.montecarlo`,
  :mod:`~ui.certainty.haircut`, composed by :func:`ui.certainty.view.render`.

Nothing here runs unless the view is shown (or a PDF/Excel export is asked for): every analysis
comes from :mod:`ui.compute`, cached on the scenario's canonical JSON and the spec's JSON, so a new
seed reruns only the Monte Carlo and the other views never run any of them.

Widget keys (percent values are percent of the scenario's own value, 100 = as entered):
  cert_seed, cert_draws; tornado cert_t_<input>_low and cert_t_<input>_high for the inputs of
  :data:`calculator.analysis.tornado.INPUTS` except udligning (factors in percent, prior_weeks in
  weeks, tax_rate and discount_rate in percent; tax_rate empty = the lowest/highest municipality);
  Monte Carlo cert_mc_<input>_kind and cert_mc_<input>_<low|mode|high|mean|sd> for the inputs of
  :data:`calculator.analysis.montecarlo.INPUTS`; optimism bias cert_ob_<design> (percent) and the
  buttons ob_apply, ob_undo; cert_payback_years (N of the probability of paying back within N years; edits
  the scenario's opt_payback_years, reruns no Monte Carlo); boxes sec_cert_tornado, sec_cert_mc, tbl_cert_tornado,
  tbl_cert_mc; downloads csv_cert_tornado, csv_cert_mc, csv_cert_draws (made on request: csv_cert_draws_make);
  charts chart_tornado, chart_montecarlo;
  the break-even box cert_sentence.
Non-widget keys: cert_last_tornado, cert_last_mc, cert_last_rates (the last valid specs), cert_flash.
Where a cohort's effect came from and its haircut are in the scenario (``cN_evidence``, see :mod:`ui.state`).
"""
