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
# # 1. Article overview
#
# **What is this article, how is it built, and what was set aside?** Its metadata, its blocks by
# kind, and the captions, embedded posts and boilerplate kept out of the story's frames, with the
# rule that set each one aside.

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
# ## Metadata

# %%
summary.table(summary.metadata(frames))

# %% [markdown]
# ## Structure: blocks by kind
#
# Each non-blank line is a paragraph and a block. Only the title, subheadings and body are the
# story's own prose; the other kinds are kept for reference but never searched for claims.

# %%
charts.publish(charts.block_structure(frames), params.out_dir, "01-block-structure")

# %%
summary.table(summary.block_summary(frames))

# %% [markdown]
# ## Set aside, and why

# %%
summary.table(summary.set_aside(frames), "Nothing was set aside: every block is part of the story.")
