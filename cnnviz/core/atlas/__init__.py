"""What does a channel detect: dataset exemplars, receptive-field crops, feature visualisation.

* :mod:`~cnnviz.core.atlas.sources` — image sets (a folder, a registered
  training dataset, a torchvision dataset already on disk, arrays), each with
  stable image ids and a content fingerprint;
* :mod:`~cnnviz.core.atlas.inputs` — images to model inputs in batches,
  exactly as :func:`cnnviz.core.images.prepare` does one;
* :mod:`~cnnviz.core.atlas.exemplars` — the top-K exemplar index (one batched
  pass over an image set, resumable, cached);
* :mod:`~cnnviz.core.atlas.cache` — where indexes live (user cache dir, size
  budget, LRU eviction);
* :mod:`~cnnviz.core.atlas.crops` — receptive-field crops with the padded
  part marked, and tiling;
* :mod:`~cnnviz.core.atlas.viewer` — a channel's top-K crops, a layer's
  atlas, mosaics;
* :mod:`~cnnviz.core.atlas.featvis` — feature visualisation by optimisation
  (Yosinski et al. 2015 and Olah et al. 2017 recipes).

How a window uses it (each step in a worker; the model through the session)::

    source = open_source("shapes")                      # or FolderSource(dir), torchvision_source(...)
    pre = preprocess_for(spec, weights_enum)            # as the Inspect tab prepares images
    index = open_index(model, source, ["features.3"], preprocess=pre, model_name=spec.name,
                       cache=AtlasCache(), progress=report, cancel=token)   # instant when cached
    viewer = ExemplarViewer(index, source)
    viewer.prefetch("features.3")                       # optional: later top-9s from memory
    items = viewer.top("features.3", channel)           # top-9: ExemplarCrop(exemplar, crop)
    cells = viewer.atlas("features.3", by="activation")   # every channel's best crop, sorted
    result = visualize(model, FeatVisTarget("features.3", channel), preprocess=pre,
                       settings=preset("2017", steps=256, seed=0), on_step=show, cancel=token)
    best = items[0].exemplar.value                      # compare with result.channel_max

Cancelling indexing raises :class:`~cnnviz.core.progress.Cancelled` and keeps
the partial index in the cache (the next :func:`open_index` resumes it);
cancelling feature visualisation returns the picture so far.
"""
