"""The scenario library in the app: the pages Bibliotek, Opfølgning and Puljer (``pages/``) and their logic.

The pages only collect inputs, call :mod:`calculator.library`, :mod:`calculator.followup`,
:mod:`calculator.portfolio` and :mod:`calculator.export.followup_pdf`, and draw. The database
libraries are imported by these pages only (:mod:`ui.library.store`): the main page imports
:mod:`ui.library.nav`, which imports nothing of the database.

Modules: ``nav`` (links between the pages, the language switch of the library pages), ``page``
(a page's start), ``store`` (opening the library; any database error becomes one message),
``tables`` and ``charts`` (pure: the model's records in, tables and altair charts out), ``compute``
(the follow-up and pool figures, cached), ``save``, ``browse`` and ``status`` (Bibliotek),
``actuals`` and ``followup`` (Opfølgning), ``pools`` (Puljer).

Widget keys of the pages (session state), besides ``lang`` (kept for the main page) and ``lib_lang``:
  Bibliotek: lib_save_mode (new/version), lib_save_target, lib_save_name, lib_save_owner_new, lib_save_owner_version,
  lib_save_by, lib_save_note, lib_save; lib_q, lib_q_name, lib_q_owner, lib_q_status, lib_pick; lib_open_version,
  lib_open, lib_download; lib_diff_a, lib_diff_b; lib_status_note, lib_to_<status>; adopting: lib_adopt_version,
  lib_base_<i>_share_pct, lib_base_<i>_by_month, lib_base_<i>_exit_pct (cohort i), lib_adopt
  Opfølgning: fu_pick, fu_kind, fu_template_csv, fu_template_xlsx, fu_upload_<n> (n: files stored so far),
  fu_upload_note, fu_store, fu_editor_<scenario id>_<kind>_<last import id>, fu_editor_save, fu_measure, fu_pool, fu_pdf
  Puljer: pool_new_name, pool_new_owner, pool_new_description, pool_create, pool_pick, pool_add_pick,
  pool_add, pool_remove_<scenario id>, pool_years, pool_draws, pool_seed, pool_run
  non-widget: lib_flash (a message kept over one rerun), lib_opened ((scenario id, version) last opened into or
  saved from the main page), lib_save_seen, lib_save_after, fu_uploads, fu_upload_done, pool_new_done, and
  pool_mc_<pool id> (the Monte Carlo spec last run for a pool, with the members it ran on)
"""
