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
# # 3. Actors and places
#
# **Who appears, how often, for which side, and where?** Mentions count names, titles, pronouns
# and metonyms ("Baku" for Azerbaijan) resolved to one actor; a side is the state or body an
# actor speaks for. Places are located from the offline gazetteer.

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
# ## Who appears, and how often

# %%
charts.publish(charts.actor_mentions(frames, top_n=params.top_n), params.out_dir, "03-actor-mentions")

# %% [markdown]
# ## Affiliations by side

# %%
summary.table(summary.actors_by_side(frames), "No actors found in this article.")

# %% [markdown]
# ## Places

# %%
charts.publish(charts.places_map(frames), params.out_dir, "03-places")

# %%
summary.table(summary.places_table(frames), "No places found in this article.")
