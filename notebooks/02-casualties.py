# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: tags,-all
#     notebook_metadata_filter: -jupytext.text_representation.jupytext_version
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 2. Casualties
#
# **Who claims how many casualties, for which side?** Every figure by claimant, whose losses it
# counts, population (military, civilian) and outcome (killed, injured, ...). Hedged figures
# ("over 400") and withheld ones are marked. The claims check adds up each side's own figures and
# compares them with the article's overall total.

# %% tags=["parameters"]
article = "data/articles/presstv_2020-10-10_armenia-azerbaijan-ceasefire.txt"  # path of the article (.txt)
out_dir = ""  # folder for the charts as PNG files ("" writes nothing)
top_n = 12  # actors and speakers shown in the bar charts

# %%
from analysis import charts, extract, notebook_params, summary

params = notebook_params.check(globals())
charts.setup_notebook()
frames = extract(params.article)

# %% [markdown]
# ## Every claim

# %%
charts.publish(charts.casualty_claims(frames), params.out_dir, "02-casualty-claims")

# %%
summary.table(summary.claims_table(frames), "No casualty figures found in this article.")

# %% [markdown]
# The same figures side by side, one column per source (`>400` is "over 400", `>=` "at least",
# `~` "about"):

# %%
summary.table(summary.figures_by_source(frames), "No casualty figures found in this article.")

# %% [markdown]
# ## Claims check: the sides' figures against the overall total

# %%
charts.publish(charts.claims_check(frames), params.out_dir, "02-claims-check")

# %%
summary.table(summary.claims_check(frames), "No totals to check: the article gives no total across sides.")
