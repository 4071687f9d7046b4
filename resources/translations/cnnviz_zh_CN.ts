<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>Explain</name>
        <message>
            <location filename="../../cnnviz/gui/explain/mix_page.py" />
            <source>Input ch {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/mix_page.py" />
            <source>weights W ({0}×{1})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/mix_page.py" />
            <source>Output ch {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/mix_page.py" />
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/mix_page.py" />
            <source>Channels going in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/mix_page.py" />
            <source>Channels coming out (number of 1×1 filters)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/mix_page.py" />
            <source>Height and width of the input (they do not change)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/mix_page.py" />
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>New numbers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/mix_page.py" />
            <source>Click a pixel of an input channel (or use the arrow keys) to mix its channels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <source>(F·F·C_in + 1)·C_out, worked out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <source>Exercise from the notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <source>Kernel size F×F</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <source>Input channels: each filter spans all of them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <source>Output channels = number of filters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <source>Groups: each filter sees only C_in / groups channels (1 = ordinary convolution)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <source>bias</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <source>One bias per filter (the + 1 in the formula)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <source>Show the answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <source>Current layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <source>Count the parameters of {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Load a model with a convolution in the Inspect tab first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <source>Layer: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/player.py" />
            <source>Back to the start (clears the output)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/player.py" />
            <source>One step back (Left arrow)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/player.py" />
            <source>Play / pause (Space)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/player.py" />
            <source>One step forward (Right arrow)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/player.py" />
            <source>Jump to the end (fill the whole output)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/player.py" />
            <source>Animation speed in steps per second</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/player.py" />
            <source>Speed {0}/s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/player.py" />
            <source>Step {0} / {1}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>input pixel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>Your stack of layers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>From the notes: three 3×3 against one 7×7</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>RF r</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>jump j</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>map size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>how</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>+ conv</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>Add a 3×3 convolution, stride 1, padding 1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>+ pool</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>Add a 2×2 max pooling, stride 2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>Remove the selected layer (the last one if none is selected)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>3 × conv 3×3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>1 × conv 7×7</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>Model's first N layers:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>Input size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>Input height and width, to show each map's size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>How many convolution / pooling layers of the current model to show</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>Channels C in and out of each convolution</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>Load a model in the Inspect tab first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>Show how the field grows through the current model's first layers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>Computing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>Fields from the model itself (branches and shortcuts included).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>input</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_canvas.py" />
            <source>Double-click an input or kernel cell to type a value; click an output cell to jump to it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_canvas.py" />
            <source>Press Space to play, → to step: the window slides left to right, top to bottom.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_canvas.py" />
            <source>output[{0}] row {1}, col {2}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_canvas.py" />
            <source>{0} products, summed per channel: {1}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_canvas.py" />
            <source>Padding counts as −∞ for max pooling, so it never wins.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_canvas.py" />
            <source>Padding counts as 0 and is included in the divisor.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_canvas.py" />
            <source>Input ch {0}  ({1}×{2}, P = {3})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_canvas.py" />
            <source>Kernel w</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_canvas.py" />
            <source>x·w</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_canvas.py" />
            <source>Output {0}: {1}×{2}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Input height (rows)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Input width (columns)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Input channels: a kernel always spans all of them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Number of filters = output channels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Kernel (window) size F×F</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Stride S: how far the window moves each step</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Padding P: rings of zeros around the input</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Dilation D: spacing between the kernel's taps (1 = touching)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>bias b</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Bias of the filter being shown, added after the sum</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <location filename="../../cnnviz/gui/explain/tab.py" />
            <source>Pooling</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Max pooling keeps the largest value; average pooling the mean</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>count padding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Average pooling: divide by F·F (PyTorch's default) or only by the real pixels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Fill the input (0…3) and the kernel (−1, 0, 1) with new small integers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>From image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>From model kernel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Use a patch from the centre of the current image (the numbers the model sees)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Open an image in the Inspect tab first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Use the kernel of the model's first convolution ({0})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Input: the {0}×{1} patch at the image centre, as the model sees it (rounded)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Kernel: the first {0} filter(s) of {1}, rounded to 2 decimals</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Σ of C·F·F = {0}·{1}·{1} = {2} products, plus the filter's bias.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Max pooling keeps the largest value in each window: no weights to learn.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Average pooling takes the mean of each window: no weights to learn.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Orange: the window. Grey: padding. Red hatching: never read. Blue: the output cell being written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/tab.py" />
            <source>Convolution</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/tab.py" />
            <source>1×1 convolution</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/tab.py" />
            <source>Receptive field growth</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/tab.py" />
            <source>Parameter counting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/tab.py" />
            <source>Architecture timeline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/tab.py" />
            <source>Pick a topic; the keyboard works in every view (Space, ←, →)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Year</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Architecture</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Depth</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Layers with weights</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Parameters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>MACs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Top-1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>What it introduced</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Year of the paper</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Longest chain of conv / linear layers: the number in the name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>How many conv and linear layers with weights run in inference</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Parameters used in inference (GoogLeNet's auxiliary classifiers, used only in training, are left out)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Multiply-accumulates for one image at the model's input size (conv and linear layers)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>ImageNet top-1 accuracy of torchvision's default pretrained weights (newer training recipes for ResNet-50/152); blank: no ImageNet weights</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Parameters / MACs (log scale)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Parameters (blue circles) and MACs per image (orange squares)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Open this page to compute the numbers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Computing parameters and MACs…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Computing… {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Parameters and MACs computed by cnnviz's own layer summary (no weights needed).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source> (+{0} in auxiliary classifiers used only in training)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Open in Inspect</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Load {0} in the Inspect tab</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Inspect</name>
        <message>
            <location filename="../../cnnviz/gui/inspect/math_panel.py" />
            <source>Parameters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>Colormap. viridis and cividis stay readable with colour-vision deficiency.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>Shared scale</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>Per-channel scale</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>Symmetric ±</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>Shared: one colour scale for all channels, so they can be compared.
Per-channel: each channel stretched to its own min…max (shows weak channels' shape).
Symmetric: zero in the middle (use with coolwarm for signed values).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>Channel order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>Sort by mean</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>Sort by max</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>Order the tiles by channel number, or strongest first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>Colour scale of the tiles. With per-channel scaling each tile has its own.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>zeros: share of values that are exactly 0 (after a ReLU: units that did not fire).
dead channels: channels that are 0 everywhere for this image.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>{0}: no output captured</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>Activations of {0}: {1} channels of {2}×{3}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>min {0:.3g} · max {1:.3g} · mean {2:.3g} · zeros {3:.1%} · dead channels {4} of {5}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>each channel: its min … max</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>max</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>activation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>channel {0} · row {1}, column {2} · value {3:.4g} — click to see its receptive field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/channel_view.py" />
            <source>Channel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/channel_view.py" />
            <source>The channel you clicked, large. Hover for values; click to pick another unit.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/channel_view.py" />
            <source>Click a channel in the grid to open it here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/channel_view.py" />
            <source>Channel {0} ({1}×{2})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/channel_view.py" />
            <source>channel {0} · row {1}, column {2} · value {3:.4g}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/controller.py" />
            <source>Loading {0}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/controller.py" />
            <source>{0} loaded · {1} · forward pass {2:.0f} ms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/controller.py" />
            <source>nothing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/controller.py" />
            <source>Could not load {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/controller.py" />
            <source>Still showing: {0}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/controller.py" />
            <source>Trust this weights file?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/controller.py" />
            <source>Load it anyway? Only answer Yes if you trust where the file came from.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/controller.py" />
            <source>image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/controller.py" />
            <source>Could not open {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/controller.py" />
            <source>The previous image stays loaded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/controller.py" />
            <source>Could not run on {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Open image…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Open an image file (Ctrl+O). You can also drop a file here or paste (Ctrl+V).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Paste</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Use the image (or image file) on the clipboard (Ctrl+V).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Sample images shipped with cnnviz</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Samples…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Webcam</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Live webcam input is not available: no camera was found.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Overlay: effective RF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Overlay: Grad-CAM</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Overlay: none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Effective RF: how strongly each input pixel moves the clicked unit (gradient).
Grad-CAM: where the selected layer looks for the top class.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Original</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>What the model sees</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>The preprocessed tensor (resized, cropped, denormalised). Receptive fields are drawn here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Click a unit in the activation maps to see what part of the input it sees.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Open image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>pasted image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>The clipboard holds no image.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>The part of the original the model sees</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Original: {0} ({1}×{2})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>What the model sees ({0}×{1})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>{0} has no spatial layout: each value sees the whole image.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Unit (ch {0}, y {1}, x {2}) of {3}: receptive field {4}×{5} px, jump {6}, start {7}. Rows {8}…{9}, columns {10}…{11}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Dashed yellow: {0:.0%} of it lies in padding (zeros), where the unit sees nothing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/kernels_view.py" />
            <source>input channel </source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/kernels_view.py" />
            <source>Deeper layers: each filter has one small kernel per input channel; page through them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/kernels_view.py" />
            <source>weight value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/kernels_view.py" />
            <source>count</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/kernels_view.py" />
            <source>{0} has no weights to show.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/kernels_view.py" />
            <source>This layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/kernels_view.py" />
            <source>{0} filters of {1}×{2}×3 shown in colour: grey is 0, the colour is what the filter looks for.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/kernels_view.py" />
            <source>{0} filters, their {1}×{2} kernel on input channel {3} of {4}. Blue &lt; 0 &lt; red.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/kernels_view.py" />
            <source> (every {0}th row and column)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/kernels_view.py" />
            <source>Weight matrix: {0} outputs (rows) × {1} inputs (columns){2}. Blue &lt; 0 &lt; red.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/kernels_view.py" />
            <source>{0} weights of shape {1}: histogram only.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/layer_tree.py" />
            <source>Filter layers (name or type)…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/layer_tree.py" />
            <source>Layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/layer_tree.py" />
            <source>Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/layer_tree.py" />
            <source>Output</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/layer_tree.py" />
            <source>Params</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/layer_tree.py" />
            <source>↑/↓ walk the layers · PgUp/PgDn previous/next convolution · ←/→ fold/unfold</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/layer_tree.py" />
            <source>{0}: not run in this forward pass (e.g. an auxiliary head)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/math_panel.py" />
            <source>Output size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/math_panel.py" />
            <source>Multiply-accumulates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/math_panel.py" />
            <source>Output memory</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/math_panel.py" />
            <source>size {0}×{1}, jump {2}, start {3}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/math_panel.py" />
            <source>Receptive field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/math_panel.py" />
            <source>Running totals</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/math_panel.py" />
            <source>{0} parameters · {1} MACs (of {2} · {3})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>Search models…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>Type part of a name (e.g. 'res', 'vgg') and press Enter to load it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>The network to inspect, grouped by family (year of its paper).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>Random weights</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>Pretrained (ImageNet)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>From file…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>Random: an untrained net (patterns come only from the architecture).
Pretrained: torchvision's ImageNet weights (downloaded once).
From file: a state_dict you trained or downloaded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>Where the forward pass runs. A GPU that runs out of memory falls back to the CPU.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>Stop loading (Esc); the previous model stays.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>Model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>Weights</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Device</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>No model called '{0}'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>Open weights</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>PyTorch weights (*.pt *.pth *.bin *.ckpt);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/predictions_panel.py" />
            <source>Grad-CAM</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/predictions_panel.py" />
            <source>Grad-CAM: the selected layer's channels weighted by how much they raise the top class; bright = where the layer found evidence for it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/predictions_panel.py" />
            <source>Grad-CAM needs a layer with a spatial output (a convolution or pooling layer).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/predictions_panel.py" />
            <source>Where {0} finds evidence for “{1}” (the top class).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Layer math</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Kernels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Top-5 · Grad-CAM</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>&amp;Open image…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Open an image file for the Inspect tab</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>&amp;Paste image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Use the image on the clipboard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Export view as &amp;PNG…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Export layer &amp;activations (.npz)…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Export summary as &amp;CSV…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Export summary as &amp;Markdown…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>&amp;Next convolution</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Jump to the next convolution (Alt+↓)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>&amp;Previous convolution</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Jump to the previous convolution (Alt+↑)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>&amp;Reload model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>&amp;Cancel loading</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Find &amp;model…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Export view</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>PNG image (*.png)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Export activations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>NumPy arrays (*.npz)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>CSV (*.csv)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Markdown (*.md)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Export summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Export failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Saved {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/jobs.py" />
            <source>Measuring every layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/jobs.py" />
            <source>Running the image through the model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/jobs.py" />
            <source>Ready</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/jobs.py" />
            <source>Reading the image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/jobs.py" />
            <source>Model ready</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Lessons</name>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>{0} is damaged: its content is not a lesson. The file was not changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>The lesson cannot be saved: a tab's state is not plain data ({0}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>The lesson was not saved: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>The lesson was not saved to {0}: {1}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>The file was not changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>{0} is too large to be a lesson ({1} MB). {2}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>{0} does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>{0} cannot be read: {1}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>{0} is damaged or is not a lesson file (it is not valid JSON). {1}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>{0} is not a cnnviz lesson (it lacks the kind / version / data fields). {1}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>{0} is a “{1}” file, not a cnnviz lesson. {2}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>{0} is damaged: its version is not a whole number. {1}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>{0} was saved by a newer cnnviz (lesson format {1}; this one reads up to {2}). Update cnnviz to open it. {3}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Inspect</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Train</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Playground</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Explain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Loading PyTorch…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Main toolbar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>&amp;Model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Open &amp;lesson…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Open a lesson file: every tab as it was saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>&amp;Save lesson</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Save every tab's state to the current lesson file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Save lesson &amp;as…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Save every tab's state to a new lesson file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>&amp;Full screen</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Fill the screen (for projectors); F11 again to leave</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Zoom &amp;in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Larger text and plots</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Zoom &amp;out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Smaller text and plots</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>&amp;Reset zoom</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Back to 100 %</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>&amp;Theme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>&amp;Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Show &amp;toolbar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>&amp;Keyboard shortcuts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Every keyboard shortcut, tab by tab</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>&amp;About cnnviz</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Zoom {0:.0f}%</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>The translation for {0} is missing; the interface stays in English.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Switch language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Switching the language rebuilds every tab and stops the work running in: {0}. Switch now?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Save lesson</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>cnnviz lessons (*{0})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Lesson saved to {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Open lesson</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>cnnviz lessons (*{0});;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Some tabs could not take their part of the lesson: {0}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Lesson opened: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>About cnnviz</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>See inside convolutional neural networks.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>This tab failed to start; see the terminal for details.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>memory {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Model · weights · device · memory in use</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Playground</name>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Playground</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>One step back (Left arrow)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>One step forward (Right arrow)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/loss_view.py" />
            <source>step</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/loss_view.py" />
            <source>loss</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/loss_view.py" />
            <source>Loss f(x, y) after each step. A log scale shows steady convergence as a straight, falling line: its slope is the rate. The dashed line is the step on screen.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/loss_view.py" />
            <source> (diverged)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/loss_view.py" />
            <source>loss (log scale)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>H, the Hessian: the matrix of second derivatives. On a quadratic the gradient is H·x, so one gradient-descent step is x ← (I − lr·H)·x.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>The eigenvalues of H are the curvatures along its two principal directions; in those directions the coordinates move independently.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>Condition number κ = λmax/λmin: how much steeper the steepest direction is than the flattest. Large κ means a narrow ravine and slow gradient descent.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>Each direction shrinks iff |1 − lr·λ| &lt; 1, i.e. 0 &lt; lr &lt; 2/λ. The steepest direction sets the ceiling: lr must stay below 2/λmax.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>GD learning rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>The learning rate of the SGD racer (plain gradient descent).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>Drag to change plain gradient descent's learning rate (the SGD racer). The slider runs to 1.5 × 2/λmax: below 1/λmax the path converges monotonically, between 1/λmax and 2/λmax it oscillates but converges, above 2/λmax it diverges.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>|1 − lr·λi|: the factor by which one step multiplies the distance to the minimum along eigendirection i. Below 1 it shrinks, above 1 it grows; a negative 1 − lr·λ flips sides every step.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>What gradient descent does with this learning rate, in words.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>|1 − lr·λ| versus lr</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>Each line is |1 − lr·λi| for one eigenvalue. Where a line rises above 1 (dashed), that direction diverges. Green: monotone, amber: oscillating, red: diverging. The vertical line is the current lr.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>(1 − lr·λ)ᵏ: error left after k steps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>step k</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>Distance to the minimum along each eigendirection, relative to the start: (1 − lr·λi)ᵏ. Blue: direction 1, red: direction 2. A sign flip every step is the zig-zag you see on the surface.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>Why the learning rate has a ceiling</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>local quadratic model at ({0:.3g}, {1:.3g})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>condition number κ = {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>condition number: undefined (a curvature is ≤ 0)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>no learning rate converges: no direction curves upwards</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>Gradient descent {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/racer_panel.py" />
            <source>Show the other hyperparameters of this optimizer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/racer_panel.py" />
            <source>Loss at the step on screen, or the step at which the path diverged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/surface_view.py" />
            <source>The loss surface: pale = low loss, blue = high loss; lines are contour levels, log-spaced. ★ marks the minima, the white square the start.
Click anywhere to start the race from there. Wheel: zoom; drag: pan.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Optimizers (torch.optim)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Suggested learning rates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Put back the learning rates tuned for this surface (torch's defaults are made for neural networks and barely move on a 2-D bowl).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Surface</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>The loss surface f(x, y) the optimizers descend.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Where every optimizer starts. Click on the surface to move it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>How many optimizer steps each racer takes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Steps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Start point coordinate; or click on the surface.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Restart</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Back to step 0 and play (Home)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Play or pause the race (Space)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Step</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>End</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Jump to the last step (End)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>{0:g} steps/frame</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>1 step/frame</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Animation speed: optimizer steps per displayed frame (+ / −)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Drag to any step of the race</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Pause</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Play</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>step {0} / {1}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>✕ diverged at step {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>loss {0:.3g} at ({1:.3f}, {2:.3f})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Quadratic bowl ½xᵀHx</source>
            <translation type="unfinished">二次碗 ½xᵀHx</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>A bowl whose curvature is λ1 along one axis and λ2 along the other, turned by θ. The ratio λmax/λmin (the condition number) makes it a round bowl or a narrow ravine. Gradient descent converges here exactly when 0 &lt; lr &lt; 2/λmax.</source>
            <translation type="unfinished">一个碗：沿一个轴的曲率为 λ1，沿另一个轴为 λ2，并旋转 θ 度。比值 λmax/λmin（条件数）决定它是圆碗还是狭长的沟谷。在这里梯度下降恰好在 0 &lt; lr &lt; 2/λmax 时收敛。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Curvature (eigenvalue of H) along the first axis.</source>
            <translation type="unfinished">沿第一个轴的曲率（H 的特征值）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Curvature (eigenvalue of H) along the second axis.</source>
            <translation type="unfinished">沿第二个轴的曲率（H 的特征值）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Rotation of the bowl's axes, in degrees.</source>
            <translation type="unfinished">碗的主轴旋转角度（度）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Rosenbrock's banana</source>
            <translation type="unfinished">Rosenbrock 香蕉函数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>A curved, flat-bottomed valley. Finding the valley is easy; following its bend to the minimum at (a, a²) is slow for plain gradient descent.</source>
            <translation type="unfinished">一条弯曲、谷底平坦的山谷。找到山谷很容易；沿着弯道走到最小值 (a, a²) 对普通梯度下降却很慢。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>The minimum sits at (a, a²).</source>
            <translation type="unfinished">最小值位于 (a, a²)。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Steepness of the valley walls.</source>
            <translation type="unfinished">谷壁的陡峭程度。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Himmelblau (four minima)</source>
            <translation type="unfinished">Himmelblau（四个最小值）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Four equally deep minima. Which one an optimizer reaches depends on where it starts and on how it moves: momentum can carry it past the nearest basin.</source>
            <translation type="unfinished">四个同样深的最小值。优化器到达哪一个取决于起点和它的运动方式：动量可能把它带过最近的盆地。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Beale</source>
            <translation type="unfinished">Beale 函数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Flat plateaus and very steep corners around a narrow valley to the minimum at (3, 0.5): the gradient's size changes by orders of magnitude, which adaptive methods handle better.</source>
            <translation type="unfinished">平坦的高原和极陡的角落，中间一条狭窄的山谷通向最小值 (3, 0.5)：梯度大小相差几个数量级，自适应方法更能应对。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Rastrigin (many local minima)</source>
            <translation type="unfinished">Rastrigin（大量局部最小值）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>A bowl covered in bumps: every integer point is a local minimum. Gradient methods stop in the first dip they meet; only the one at (0, 0) is global.</source>
            <translation type="unfinished">布满凸起的碗：每个整数点都是局部最小值。梯度方法会停在遇到的第一个凹陷；只有 (0, 0) 是全局最小值。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Height of the bumps (0 gives a plain bowl).</source>
            <translation type="unfinished">凸起的高度（0 时为普通的碗）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Saddle x² − y²</source>
            <translation type="unfinished">鞍面 x² − y²</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Downhill in y, uphill in x, with a flat point at (0, 0) that is not a minimum. Starting almost on the ridge, plain gradient descent lingers near the saddle before escaping; the loss has no lower bound, so every path eventually leaves the plot.</source>
            <translation type="unfinished">沿 y 下坡、沿 x 上坡，(0, 0) 处梯度为零却不是最小值。从几乎位于山脊上的点出发，普通梯度下降会在鞍点附近徘徊后才逃离；损失无下界，所以每条路径最终都会离开画面。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Narrow winding valley</source>
            <translation type="unfinished">狭窄弯曲的山谷</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Gentle along the valley floor, steep across it (curvatures about 0.2 and 2s). Plain gradient descent bounces between the walls; momentum and adaptive steps follow the floor.</source>
            <translation type="unfinished">沿谷底平缓，横穿山谷陡峭（曲率约为 0.2 与 2s）。普通梯度下降在两壁之间来回弹跳；动量和自适应步长则沿谷底前进。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>s: how steep the valley walls are.</source>
            <translation type="unfinished">s：谷壁的陡峭程度。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Plain gradient descent: step = −lr · gradient.</source>
            <translation type="unfinished">普通梯度下降：步长 = −lr · 梯度。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Learning rate: how far each step moves along the (processed) gradient.</source>
            <translation type="unfinished">学习率：每一步沿（处理后的）梯度移动多远。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Pulls the parameters towards (0, 0) every step (L2 penalty).</source>
            <translation type="unfinished">每一步把参数拉向 (0, 0)（L2 惩罚）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>SGD with a velocity: v = μv + g, step = −lr · v (torch.optim.SGD, momentum &gt; 0).</source>
            <translation type="unfinished">带速度的 SGD：v = μv + g，步长 = −lr · v（torch.optim.SGD，momentum &gt; 0）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Fraction of the previous step kept: a heavy ball that rolls on through small bumps.</source>
            <translation type="unfinished">保留上一步的比例：像一个重球，会滚过小的起伏。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Scales down the new gradient added to the velocity.</source>
            <translation type="unfinished">加入速度时把新梯度缩小的比例。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Momentum that looks ahead: the gradient is corrected by where the velocity is taking it.</source>
            <translation type="unfinished">向前看的动量：用速度将要到达的位置修正梯度。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Divides each coordinate's step by the root of its summed squared gradients: steps only ever shrink.</source>
            <translation type="unfinished">每个坐标的步长除以其梯度平方和的平方根：步长只会越来越小。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Shrinks lr as 1/(1 + (t−1)·lr_decay).</source>
            <translation type="unfinished">按 1/(1 + (t−1)·lr_decay) 缩小学习率。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Starting value of the sum of squared gradients.</source>
            <translation type="unfinished">梯度平方和的初始值。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Added to the denominator so that a tiny gradient history does not divide by zero.</source>
            <translation type="unfinished">加在分母上，防止梯度历史很小时除以零。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Like Adagrad, but forgets old gradients: divides by a running RMS of recent ones.</source>
            <translation type="unfinished">类似 Adagrad，但会遗忘旧梯度：除以最近梯度的滑动均方根。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Decay of the running mean of squared gradients.</source>
            <translation type="unfinished">梯度平方滑动平均的衰减率。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Optional momentum on top of the scaled step.</source>
            <translation type="unfinished">在缩放后的步长上可选的动量。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Step size from the ratio of running RMS of past steps to that of gradients: starts tiny, grows.</source>
            <translation type="unfinished">步长取自过去步长与梯度的滑动均方根之比：开始很小，逐渐变大。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Decay of the running means of squared gradients and steps.</source>
            <translation type="unfinished">梯度平方与步长平方滑动平均的衰减率。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Momentum plus RMSProp scaling, bias-corrected: each coordinate moves about lr per step.</source>
            <translation type="unfinished">动量加 RMSProp 缩放并做偏差校正：每个坐标每步大约移动 lr。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Decay of the running mean of gradients (the momentum part).</source>
            <translation type="unfinished">梯度滑动平均的衰减率（动量部分）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Decay of the running mean of squared gradients (the per-direction step size).</source>
            <translation type="unfinished">梯度平方滑动平均的衰减率（决定各方向的步长）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Adam with decoupled weight decay (pulls towards (0, 0) independently of the gradient scaling).</source>
            <translation type="unfinished">带解耦权重衰减的 Adam（独立于梯度缩放地拉向 (0, 0)）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Decoupled weight decay: shrinks the parameters directly, not through the gradient.</source>
            <translation type="unfinished">解耦的权重衰减：直接缩小参数，而不经过梯度。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/lr_bound.py" />
            <source>converges in one step</source>
            <translation type="unfinished">一步收敛</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/lr_bound.py" />
            <source>converges monotonically</source>
            <translation type="unfinished">单调收敛</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/lr_bound.py" />
            <source>oscillates but converges</source>
            <translation type="unfinished">振荡但收敛</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/lr_bound.py" />
            <source>oscillates forever (exactly on the bound)</source>
            <translation type="unfinished">永远振荡（恰好在界上）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/lr_bound.py" />
            <source>does not move (flat direction)</source>
            <translation type="unfinished">不动（平坦方向）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/lr_bound.py" />
            <source>diverges</source>
            <translation type="unfinished">发散</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/lr_bound.py" />
            <source>slides away (negative curvature)</source>
            <translation type="unfinished">滑走（负曲率）</translation>
        </message>
    </context>
    <context>
        <name>Shortcuts</name>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Inspect</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Train</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Playground</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Explain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Walk the layers in the layer tree</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Open or close a block of layers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Next / previous convolution</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Find a model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Play or pause the animation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>One step forward / back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>First / last step</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>1×1 convolution: move the pixel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Play or pause the race</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Restart from step 0</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Jump to the last step</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Faster / slower animation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Start training</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Pause or resume training</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Stop training</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>New run / duplicate the selected run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Remove the selected run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Logarithmic loss axis on / off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Keyboard shortcuts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Type to filter, e.g. “step” or “Ctrl”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>What it does</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Keys</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Theme</name>
        <message>
            <location filename="../../cnnviz/gui/theme.py" />
            <source>&amp;System</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/theme.py" />
            <source>&amp;Light, high contrast (projectors)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/theme.py" />
            <source>&amp;Dark</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TrainPlots</name>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>step</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>loss</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>Values of the smoothed training loss under the mouse cursor.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>Training loss per step</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>Validation loss per epoch (dashed: training mean)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>epoch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>Validation accuracy per epoch (dashed: training mean)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>accuracy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>Learning rate per step (log scale)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>lr</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>Click a run to hide or show it in every plot.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>Press Start (Ctrl+Enter): every run starts from the same weights
and sees the same batches, so the curves differ only by optimizer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>diverged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>failed</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TrainRuns</name>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>The run's name in the legend and in the CSV.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>The update rule this run uses.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>same as setup</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>This run's batch size (0: the batch size of the setup).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>How the learning rate changes during training.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>BatchNorm</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Add BatchNorm after every convolution (models that offer it).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Dropout probability before each linear layer (models that offer it).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Optimizer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Batch size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>LR schedule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Dropout</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Allowed: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>{0}: “{1}” is not a number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Tick a run to show it in the plots; select it to edit it below.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Add a run with another optimizer (Ctrl+N).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Duplicate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Copy the selected run, then change one hyperparameter (Ctrl+D).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Remove the selected run (Delete).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Another run is already called “{0}”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/core/training/metrics.py" />
            <source>pending</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/core/training/metrics.py" />
            <source>running</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/core/training/metrics.py" />
            <source>finished</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/core/training/metrics.py" />
            <source>diverged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/core/training/metrics.py" />
            <source>stopped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/core/training/metrics.py" />
            <source>failed</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TrainTab</name>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Open in Inspect</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Device</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Pause</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>The network every run trains (built once from the init seed).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>The images to learn. Shapes is built in and needs no download.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>image folder (one sub-folder per class)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Passes over the training set, for every run.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Images per step for runs that do not set their own batch size.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Use only the first N training images (small sets overfit: see the dropout lesson). 0 uses all.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Seed of the initial weights: every run starts from these same weights.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Seed of the data and of the batch order: every run sees the same batches.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>CPU</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Where the runs train.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>weights</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>batch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Epochs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Train images</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Seeds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Setup shared by every run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Lessons</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Ready-made comparisons from the notes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Runs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Train every run from the same initial weights (Ctrl+Enter).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Pause or resume every run (Ctrl+P).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Stop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Stop every run; what was logged stays (Esc).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Ready.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Weight of the exponential moving average drawn over the faint raw loss.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Log y</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Logarithmic loss axes (Ctrl+L): small differences late in training show.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Export CSV…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Save every run's metrics as a long-form CSV (kept up to date while training).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Save plot…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Save the plots as a PNG image.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Save weights…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Save each run's trained weights as a state_dict file (.pt).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Look inside the selected run's trained network in the Inspect tab.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Smoothing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Stop the training before loading a lesson.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Image folder (one sub-folder per class)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Fix the run settings marked in red first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Cannot start training</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Preparing data and models…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Resumed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Paused: press Ctrl+P or Resume to continue.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Stopping…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Training failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Done: {0}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Stopped.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Resume</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Export metrics</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Cannot write the CSV</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Metrics written to {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Save plot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Cannot save the plot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Cannot write {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Plot saved to {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Folder for the weights</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Cannot save the weights</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>{0} state_dict files written to {1}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Select a trained run first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Cannot open in Inspect</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/core/training/metrics.py" />
            <source>finished</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/core/training/metrics.py" />
            <source>diverged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/core/training/metrics.py" />
            <source>stopped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../cnnviz/core/training/metrics.py" />
            <source>failed</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
