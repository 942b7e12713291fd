"""The rules: one module per rule, each a pure function with the rule in its docstring.

effect_path (extra people in jobs), earnings (wage and the benefit that stops), refusion,
result_grants, benefit_savings, income_tax, supplementary, costs; variation is the hook that
scales uncertain inputs for the analyses.
"""
