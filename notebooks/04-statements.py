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
# # 4. Statements
#
# **Who speaks, how much, saying what, and who accuses whom?** Statements are direct and partial
# quotes, reported speech and embedded posts, each attributed to a speaker and typed (announce,
# accuse, claim, appeal, ...).

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
# ## Who speaks, and how much

# %%
charts.publish(charts.speakers(frames, top_n=params.top_n), params.out_dir, "04-speakers")

# %%
summary.table(summary.speakers(frames), "No attributed statements found in this article.")

# %% [markdown]
# ## Statement types by side

# %%
charts.publish(charts.statement_types(frames), params.out_dir, "04-statement-types")

# %% [markdown]
# ## Who accuses whom

# %%
charts.publish(charts.accusations(frames), params.out_dir, "04-accusations")

# %%
summary.table(summary.accusations(frames), "No accusations found in this article.")

# %% [markdown]
# ## Timeline of dated statements and claims

# %%
charts.publish(charts.timeline(frames), params.out_dir, "04-timeline")
