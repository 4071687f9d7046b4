"""What does a channel detect: dataset exemplars, receptive-field crops, feature visualisation.

* :mod:`~cnnviz.core.atlas.sources` — image sets (a folder, a registered
  training dataset, a torchvision dataset already on disk, arrays), each with
  stable image ids and a content fingerprint;
* :mod:`~cnnviz.core.atlas.exemplars` — the top-K exemplar index (one batched
  pass over an image set, resumable, cached);
* :mod:`~cnnviz.core.atlas.cache` — where indexes live (user cache dir, size
  budget, LRU eviction);
* :mod:`~cnnviz.core.atlas.crops` — receptive-field crops with the padded
  part marked, and the atlas / top-K pictures;
* :mod:`~cnnviz.core.atlas.featvis` — feature visualisation by optimisation
  (Yosinski et al. 2015 and Olah et al. 2017 recipes).
"""
