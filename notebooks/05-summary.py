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
# # 5. Summary
#
# **The article on one page:** headline numbers, the key chart from each notebook, and a summary
# generated from the frames.

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
# ## In brief

# %%
summary.brief(frames)

# %% [markdown]
# ## Headline numbers

# %%
summary.table(summary.headline_numbers(frames))

# %% [markdown]
# ## Casualty claims

# %%
charts.publish(charts.casualty_claims(frames))

# %% [markdown]
# ## Who accuses whom

# %%
charts.publish(charts.accusations(frames))

# %% [markdown]
# ## Who appears

# %%
charts.publish(charts.actor_mentions(frames, top_n=params.top_n))

# %% [markdown]
# ## What the article is made of

# %%
charts.publish(charts.block_structure(frames))
