"""Teaching models behind the Explain tab (no Qt): every number a lecture shows.

* :mod:`.sliding` — convolution / pooling as steps, 1×1 convolution as channel mixing;
* :mod:`.output_size` — the output-size formula and what flooring drops;
* :mod:`.rf_growth` — receptive-field growth of a stack of layers;
* :mod:`.params` — parameter counting, written out, and the notes' exercise;
* :mod:`.timeline` — LeNet-5 … ResNet-152 with their numbers;
* :mod:`.unit_arithmetic` — one unit of a real network written out with its real numbers
  (imports torch, so it is not re-exported here: import it from its module).
"""

from cnnviz.core.explain.output_size import SizeExplanation, explain_axis, explain_output_size
from cnnviz.core.explain.params import (
    NotesExercise,
    ParamCount,
    count_conv,
    count_layer,
    count_module,
    notes_exercise,
)
from cnnviz.core.explain.rf_growth import (
    LayerSpec,
    RFRow,
    StackComparison,
    rf_growth,
    rf_growth_from_model,
    rf_growth_from_summary,
    stack_module,
    three_3x3_vs_7x7,
)
from cnnviz.core.explain.sliding import (
    ChannelMix,
    ConvAnimation,
    PoolAnimation,
    Step,
    Window,
    example_input,
    example_kernel,
    example_pool_input,
    resize_grid,
)
from cnnviz.core.explain.text import ExplainError, Text, num
from cnnviz.core.explain.timeline import (
    TimelineEntry,
    TimelineRow,
    compute_timeline,
    timeline_entries,
    timeline_row,
)

__all__ = [
    "ChannelMix", "ConvAnimation", "ExplainError", "LayerSpec", "NotesExercise", "ParamCount",
    "PoolAnimation", "RFRow", "SizeExplanation", "StackComparison", "Step", "Text", "TimelineEntry",
    "TimelineRow", "Window", "compute_timeline", "count_conv", "count_layer", "count_module", "example_input",
    "example_kernel", "example_pool_input", "explain_axis", "explain_output_size", "notes_exercise", "num",
    "resize_grid", "rf_growth", "rf_growth_from_model", "rf_growth_from_summary", "stack_module",
    "three_3x3_vs_7x7", "timeline_entries", "timeline_row",
]
