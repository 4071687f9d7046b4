<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>Explain</name>
        <message>
            <location filename="../../cnnviz/gui/explain/mix_page.py" />
            <source>Input ch {0}</source>
            <translation>输入通道 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/mix_page.py" />
            <source>weights W ({0}×{1})</source>
            <translation>权重 W（{0}×{1}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/mix_page.py" />
            <source>Output ch {0}</source>
            <translation>输出通道 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/mix_page.py" />
            <source>Size</source>
            <translation>尺寸</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/mix_page.py" />
            <source>Channels going in</source>
            <translation>输入通道数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/mix_page.py" />
            <source>Channels coming out (number of 1×1 filters)</source>
            <translation>输出通道数（1×1 滤波器的个数）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/mix_page.py" />
            <source>Height and width of the input (they do not change)</source>
            <translation>输入的高和宽（保持不变）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/mix_page.py" />
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>New numbers</source>
            <translation>换一组数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/mix_page.py" />
            <source>Click a pixel of an input channel (or use the arrow keys) to mix its channels</source>
            <translation>点击某个输入通道的像素（或用方向键），查看它的各通道如何混合</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <source>(F·F·C_in + 1)·C_out, worked out</source>
            <translation>(F·F·C_in + 1)·C_out 的计算过程</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <source>Exercise from the notes</source>
            <translation>笔记中的练习</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <source>Kernel size F×F</source>
            <translation>卷积核尺寸 F×F</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <source>Input channels: each filter spans all of them</source>
            <translation>输入通道数：每个滤波器都覆盖全部输入通道</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <source>Output channels = number of filters</source>
            <translation>输出通道数 = 滤波器个数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <source>Groups: each filter sees only C_in / groups channels (1 = ordinary convolution)</source>
            <translation>分组：每个滤波器只看 C_in / groups 个通道（1 = 普通卷积）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <source>bias</source>
            <translation>偏置</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <source>One bias per filter (the + 1 in the formula)</source>
            <translation>每个滤波器一个偏置（公式中的 + 1）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <source>Show the answer</source>
            <translation>显示答案</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <source>Current layer</source>
            <translation>当前层</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <source>Count the parameters of {0}</source>
            <translation>计算 {0} 的参数量</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Load a model with a convolution in the Inspect tab first</source>
            <translation>请先在“透视”页加载一个含卷积层的模型</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <source>Layer: {0}</source>
            <translation>层：{0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/player.py" />
            <source>Back to the start (clears the output)</source>
            <translation>回到开头（清空输出）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/player.py" />
            <source>One step back (Left arrow)</source>
            <translation>后退一步（←）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/player.py" />
            <source>Play / pause (Space)</source>
            <translation>播放 / 暂停（空格）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/player.py" />
            <source>One step forward (Right arrow)</source>
            <translation>前进一步（→）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/player.py" />
            <source>Jump to the end (fill the whole output)</source>
            <translation>跳到结尾（填满整个输出）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/player.py" />
            <source>Animation speed in steps per second</source>
            <translation>动画速度（每秒步数）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/player.py" />
            <source>Speed {0}/s</source>
            <translation>速度 {0}/秒</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/player.py" />
            <source>Step {0} / {1}</source>
            <translation>第 {0} / {1} 步</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>Your stack of layers</source>
            <translation>你搭建的层</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>From the notes: three 3×3 against one 7×7</source>
            <translation>笔记中的例子：三个 3×3 对比一个 7×7</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>layer</source>
            <translation>层</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>RF r</source>
            <translation>感受野 r</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>jump j</source>
            <translation>跳距 j</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>map size</source>
            <translation>特征图尺寸</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>how</source>
            <translation>说明</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>+ conv</source>
            <translation>+ 卷积</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>Add a 3×3 convolution, stride 1, padding 1</source>
            <translation>添加一个 3×3 卷积，步长 1，填充 1</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>+ pool</source>
            <translation>+ 池化</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>Add a 2×2 max pooling, stride 2</source>
            <translation>添加一个 2×2 最大池化，步长 2</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>Remove the selected layer (the last one if none is selected)</source>
            <translation>删除选中的层（未选中时删除最后一层）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>3 × conv 3×3</source>
            <translation>3 × 3×3 卷积</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>1 × conv 7×7</source>
            <translation>1 × 7×7 卷积</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>Model's first N layers:</source>
            <translation>模型的前 N 层：</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>Input size</source>
            <translation>输入尺寸</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>Input height and width, to show each map's size</source>
            <translation>输入的高和宽，用来显示每个特征图的尺寸</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>How many convolution / pooling layers of the current model to show</source>
            <translation>显示当前模型的前多少个卷积 / 池化层</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>Channels C in and out of each convolution</source>
            <translation>每个卷积的输入和输出通道数 C</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>Load a model in the Inspect tab first</source>
            <translation>请先在“透视”页加载一个模型</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>Show how the field grows through the current model's first layers</source>
            <translation>显示感受野在当前模型前几层中如何增长</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>conv</source>
            <translation>卷积</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>max pool</source>
            <translation>最大池化</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>avg pool</source>
            <translation>平均池化</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>Computing…</source>
            <translation>计算中…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>Fields from the model itself (branches and shortcuts included).</source>
            <translation>感受野由模型本身算出（包括分支和捷径连接）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>input</source>
            <translation>输入</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_canvas.py" />
            <source>Double-click an input or kernel cell to type a value; click an output cell to jump to it.</source>
            <translation>双击输入或卷积核的格子可以输入数值；点击输出格子可跳到那一步。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_canvas.py" />
            <source>Press Space to play, → to step: the window slides left to right, top to bottom.</source>
            <translation>按空格播放，按 → 单步：窗口从左到右、从上到下滑动。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_canvas.py" />
            <source>output[{0}] row {1}, col {2}</source>
            <translation>输出[{0}] 第 {1} 行，第 {2} 列</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_canvas.py" />
            <source>{0} products, summed per channel: {1}</source>
            <translation>{0} 个乘积，按通道求和：{1}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_canvas.py" />
            <source>Padding counts as −∞ for max pooling, so it never wins.</source>
            <translation>最大池化中填充按 −∞ 计，所以永远不会被选中。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_canvas.py" />
            <source>Padding counts as 0 and is included in the divisor.</source>
            <translation>填充按 0 计，并计入除数。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_canvas.py" />
            <source>Input ch {0}  ({1}×{2}, P = {3})</source>
            <translation>输入通道 {0}（{1}×{2}，P = {3}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_canvas.py" />
            <source>Kernel w</source>
            <translation>卷积核 w</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_canvas.py" />
            <source>x·w</source>
            <translation>x·w</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_canvas.py" />
            <source>Output {0}: {1}×{2}</source>
            <translation>输出 {0}：{1}×{2}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>max</source>
            <translation>最大</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>avg</source>
            <translation>平均</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Input height (rows)</source>
            <translation>输入高度（行数）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Input width (columns)</source>
            <translation>输入宽度（列数）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Input channels: a kernel always spans all of them</source>
            <translation>输入通道数：卷积核总是覆盖全部输入通道</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Number of filters = output channels</source>
            <translation>滤波器个数 = 输出通道数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Kernel (window) size F×F</source>
            <translation>卷积核（窗口）尺寸 F×F</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Stride S: how far the window moves each step</source>
            <translation>步长 S：窗口每一步移动的距离</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Padding P: rings of zeros around the input</source>
            <translation>填充 P：在输入四周补几圈 0</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Dilation D: spacing between the kernel's taps (1 = touching)</source>
            <translation>膨胀 D：卷积核各抽头之间的间距（1 = 相邻）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>bias b</source>
            <translation>偏置 b</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Bias of the filter being shown, added after the sum</source>
            <translation>当前显示的滤波器的偏置，在求和之后加上</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <location filename="../../cnnviz/gui/explain/tab.py" />
            <source>Pooling</source>
            <translation>池化</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Max pooling keeps the largest value; average pooling the mean</source>
            <translation>最大池化取窗口内的最大值；平均池化取平均值</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>count padding</source>
            <translation>计入填充</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Average pooling: divide by F·F (PyTorch's default) or only by the real pixels</source>
            <translation>平均池化：除以 F·F（PyTorch 的默认做法），或只除以真实像素的个数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Fill the input (0…3) and the kernel (−1, 0, 1) with new small integers</source>
            <translation>用新的小整数填充输入（0…3）和卷积核（−1、0、1）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>From image</source>
            <translation>取自图像</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>From model kernel</source>
            <translation>取自模型卷积核</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Use a patch from the centre of the current image (the numbers the model sees)</source>
            <translation>使用当前图像中心的一块（模型看到的数值）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Open an image in the Inspect tab first</source>
            <translation>请先在“透视”页打开一张图像</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Use the kernel of the model's first convolution ({0})</source>
            <translation>使用模型第一个卷积层（{0}）的卷积核</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Input: the {0}×{1} patch at the image centre, as the model sees it (rounded)</source>
            <translation>输入：图像中心的 {0}×{1} 小块，即模型看到的数值（已取整）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Kernel: the first {0} filter(s) of {1}, rounded to 2 decimals</source>
            <translation>卷积核：{1} 的前 {0} 个滤波器，保留 2 位小数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Σ of C·F·F = {0}·{1}·{1} = {2} products, plus the filter's bias.</source>
            <translation>Σ 共 C·F·F = {0}·{1}·{1} = {2} 个乘积，再加上滤波器的偏置。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Max pooling keeps the largest value in each window: no weights to learn.</source>
            <translation>最大池化保留每个窗口中的最大值：没有需要学习的权重。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Average pooling takes the mean of each window: no weights to learn.</source>
            <translation>平均池化取每个窗口的平均值：没有需要学习的权重。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Orange: the window. Grey: padding. Red hatching: never read. Blue: the output cell being written.</source>
            <translation>橙色：窗口。灰色：填充。红色斜线：从未被读取。蓝色：正在写入的输出格。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/tab.py" />
            <source>Convolution</source>
            <translation>卷积</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/tab.py" />
            <source>1×1 convolution</source>
            <translation>1×1 卷积</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/tab.py" />
            <source>Receptive field growth</source>
            <translation>感受野的增长</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/tab.py" />
            <source>Parameter counting</source>
            <translation>参数量计算</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/tab.py" />
            <source>Architecture timeline</source>
            <translation>网络结构时间线</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/tab.py" />
            <source>numbers from {0}</source>
            <translation>数值取自 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/tab.py" />
            <source>Pick a topic; the keyboard works in every view (Space, ←, →)</source>
            <translation>选择一个主题；每个视图都可以用键盘操作（空格、←、→）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Parameters</source>
            <translation>参数量</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Year</source>
            <translation>年份</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Architecture</source>
            <translation>网络结构</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Depth</source>
            <translation>深度</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Layers with weights</source>
            <translation>带权重的层</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>MACs</source>
            <translation>乘加次数（MACs）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Top-1</source>
            <translation>Top-1 准确率</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>What it introduced</source>
            <translation>它带来的新东西</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Year of the paper</source>
            <translation>论文发表年份</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Longest chain of conv / linear layers: the number in the name</source>
            <translation>卷积 / 全连接层的最长链：名称中的那个数字</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>How many conv and linear layers with weights run in inference</source>
            <translation>推理时运行的带权重的卷积层和全连接层个数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Parameters used in inference (GoogLeNet's auxiliary classifiers, used only in training, are left out)</source>
            <translation>推理时使用的参数量（不含 GoogLeNet 只在训练时使用的辅助分类器）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Multiply-accumulates for one image at the model's input size (conv and linear layers)</source>
            <translation>模型输入尺寸下处理一张图像的乘加次数（卷积层和全连接层）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>ImageNet top-1 accuracy of torchvision's default pretrained weights (newer training recipes for ResNet-50/152); blank: no ImageNet weights</source>
            <translation>torchvision 默认预训练权重在 ImageNet 上的 Top-1 准确率（ResNet-50/152 为较新的训练方案）；空白：没有 ImageNet 权重</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Parameters / MACs (log scale)</source>
            <translation>参数量 / MACs（对数坐标）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Parameters (blue circles) and MACs per image (orange squares)</source>
            <translation>参数量（蓝色圆点）和每张图像的 MACs（橙色方块）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Open this page to compute the numbers.</source>
            <translation>打开本页即可计算这些数字。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Computing parameters and MACs…</source>
            <translation>正在计算参数量和 MACs…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Computing… {0}</source>
            <translation>计算中… {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Parameters and MACs computed by cnnviz's own layer summary (no weights needed).</source>
            <translation>参数量和 MACs 由 cnnviz 自己的逐层统计算出（不需要权重）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source> (+{0} in auxiliary classifiers used only in training)</source>
            <translation>（另有 {0} 个在只用于训练的辅助分类器中）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Open in Inspect</source>
            <translation>在“透视”页打开</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/timeline_page.py" />
            <source>Load {0} in the Inspect tab</source>
            <translation>在“透视”页加载 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/mix_page.py" />
            <source>Pixel ({0}, {1})</source>
            <translation>像素 ({0}, {1})</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>weights</source>
            <translation>权重</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <source>biases</source>
            <translation>偏置</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/params_page.py" />
            <source>Check with PyTorch</source>
            <translation>用 PyTorch 验证</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>input pixel</source>
            <translation>输入像素</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Output size</source>
            <translation>输出尺寸</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Output</source>
            <translation>输出</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_page.py" />
            <source>Each output</source>
            <translation>每个输出</translation>
        </message>
    </context>
    <context>
        <name>GraphicsScene</name>
        <message>
            <location filename="../../pyqtgraph/GraphicsScene/GraphicsScene.py" />
            <source>Export...</source>
            <translation>导出…</translation>
        </message>
    </context>
    <context>
        <name>Inspect</name>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>max</source>
            <translation>最大</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/math_panel.py" />
            <source>Parameters</source>
            <translation>参数量</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>Colormap. viridis and cividis stay readable with colour-vision deficiency.</source>
            <translation>颜色映射。viridis 和 cividis 对色觉异常者依然清晰可读。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>Shared scale</source>
            <translation>统一色标</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>Per-channel scale</source>
            <translation>逐通道色标</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>Symmetric ±</source>
            <translation>对称 ±</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>Shared: one colour scale for all channels, so they can be compared.
Per-channel: each channel stretched to its own min…max (shows weak channels' shape).
Symmetric: zero in the middle (use with coolwarm for signed values).</source>
            <translation>统一：所有通道共用一个色标，便于相互比较。
逐通道：每个通道按自己的最小值…最大值拉伸（能看清弱通道的形状）。
对称：0 位于中间（有正负值时配合 coolwarm 使用）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>Channel order</source>
            <translation>通道顺序</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>Sort by mean</source>
            <translation>按均值排序</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>Sort by max</source>
            <translation>按最大值排序</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>Order the tiles by channel number, or strongest first.</source>
            <translation>按通道编号排列小图，或把最强的通道排在前面。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>Colour scale of the tiles. With per-channel scaling each tile has its own.</source>
            <translation>小图的色标。逐通道缩放时每个小图各有一个色标。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>zeros: share of values that are exactly 0 (after a ReLU: units that did not fire).
dead channels: channels that are 0 everywhere for this image.</source>
            <translation>零值：恰好为 0 的数值所占比例（ReLU 之后：没有被激活的单元）。
死通道：对这张图像处处为 0 的通道。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>{0}: no output captured</source>
            <translation>{0}：没有捕获到输出</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>Activations of {0}: {1} channels of {2}×{3}</source>
            <translation>{0} 的激活：{1} 个 {2}×{3} 的通道</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>min {0:.3g} · max {1:.3g} · mean {2:.3g} · zeros {3:.1%} · dead channels {4} of {5}</source>
            <translation>最小 {0:.3g} · 最大 {1:.3g} · 均值 {2:.3g} · 零值 {3:.1%} · 死通道 {4} / {5}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>each channel: its min … max</source>
            <translation>每个通道：各自的最小值 … 最大值</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>min</source>
            <translation>最小</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>activation</source>
            <translation>激活值</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>channel {0} · row {1}, column {2} · value {3:.4g} — click to see its receptive field</source>
            <translation>通道 {0} · 第 {1} 行，第 {2} 列 · 值 {3:.4g} — 点击查看它的感受野</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/channel_view.py" />
            <source>Channel</source>
            <translation>通道</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/channel_view.py" />
            <source>The channel you clicked, large. Hover for values; click to pick another unit.</source>
            <translation>你点击的通道的放大图。悬停查看数值；点击选择另一个单元。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/channel_view.py" />
            <source>Click a channel in the grid to open it here.</source>
            <translation>在网格中点击一个通道，在这里放大显示。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/channel_view.py" />
            <source>Channel {0} ({1}×{2})</source>
            <translation>通道 {0}（{1}×{2}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/channel_view.py" />
            <source>channel {0} · row {1}, column {2} · value {3:.4g}</source>
            <translation>通道 {0} · 第 {1} 行，第 {2} 列 · 值 {3:.4g}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/common.py" />
            <source>random weights (seed {0})</source>
            <translation>随机权重（种子 {0}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/common.py" />
            <source>pretrained {0}</source>
            <translation>预训练 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/common.py" />
            <source>file {0}</source>
            <translation>文件 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/common.py" />
            <source>trained in the Train tab ({0})</source>
            <translation>在训练页训练（{0}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/common.py" />
            <source>trained in the Train tab</source>
            <translation>在训练页训练</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/controller.py" />
            <source>Loading {0}…</source>
            <translation>正在加载 {0}…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/controller.py" />
            <source>{0} loaded · {1} · forward pass {2:.0f} ms</source>
            <translation>已加载 {0} · {1} · 前向传播 {2:.0f} 毫秒</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/controller.py" />
            <source>nothing</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/controller.py" />
            <source>Could not load {0}</source>
            <translation>无法加载 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/controller.py" />
            <source>Still showing: {0}.</source>
            <translation>仍在显示：{0}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/controller.py" />
            <source>Trust this weights file?</source>
            <translation>信任这个权重文件吗？</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/controller.py" />
            <source>Load it anyway? Only answer Yes if you trust where the file came from.</source>
            <translation>仍然加载吗？只有在你信任文件来源时才选“是”。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/controller.py" />
            <location filename="../../cnnviz/gui/inspect/layer_tree.py" />
            <source>Layer</source>
            <translation>层</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/controller.py" />
            <source>{0} has no layer called {1}; showing its first convolution.</source>
            <translation>{0} 中没有名为 {1} 的层；改为显示它的第一个卷积层。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/controller.py" />
            <source>Closest: {0}.</source>
            <translation>最接近的：{0}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/controller.py" />
            <source>image</source>
            <translation>图像</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/controller.py" />
            <source>Could not open {0}</source>
            <translation>无法打开 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/controller.py" />
            <source>The previous image stays loaded.</source>
            <translation>之前的图像仍然保留。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/controller.py" />
            <source>Could not run on {0}</source>
            <translation>无法在 {0} 上运行</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Open image…</source>
            <translation>打开图像…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Open an image file (Ctrl+O). You can also drop a file here or paste (Ctrl+V).</source>
            <translation>打开图像文件（Ctrl+O）。也可以把文件拖到这里，或粘贴（Ctrl+V）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Paste</source>
            <translation>粘贴</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Use the image (or image file) on the clipboard (Ctrl+V).</source>
            <translation>使用剪贴板中的图像（或图像文件）（Ctrl+V）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Sample images shipped with cnnviz</source>
            <translation>cnnviz 自带的示例图像</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Samples…</source>
            <translation>示例…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Overlay: effective RF</source>
            <translation>叠加：有效感受野</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Overlay: Grad-CAM</source>
            <translation>叠加：Grad-CAM</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Overlay: none</source>
            <translation>叠加：无</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Effective RF: how strongly each input pixel moves the clicked unit (gradient).
Grad-CAM: where the selected layer looks for the top class.</source>
            <translation>有效感受野：每个输入像素对所点击单元的影响有多大（梯度）。
Grad-CAM：所选层为最高类别在哪里寻找证据。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Original</source>
            <translation>原图</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Model input</source>
            <translation>模型输入</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>What the model sees: the preprocessed tensor (resized, cropped, denormalised for display). Receptive fields are drawn here, in its pixels.</source>
            <translation>模型看到的图像：预处理后的张量（缩放、裁剪，并为显示做了反归一化）。感受野按它的像素画在这里。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Click a unit in the activation maps to see what part of the input it sees.</source>
            <translation>点击激活图中的一个单元，查看它看到输入的哪一部分。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Live &amp;webcam</source>
            <translation>实时摄像头(&amp;W)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Webcam</source>
            <translation>摄像头</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Looking for cameras…</source>
            <translation>正在查找摄像头…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Stop the live webcam (the last frame stays loaded).</source>
            <translation>停止实时摄像头（最后一帧保持载入）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>No camera was found, so live webcam input is off. Plug one in: cnnviz looks again when you come back to this tab.</source>
            <translation>未找到摄像头，因此实时摄像头输入不可用。请接上摄像头：回到此标签页时 cnnviz 会重新查找。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Run the model live on {0}: the activations follow the camera as fast as the model allows. The arrow picks another camera.</source>
            <translation>用{0}实时运行模型：激活图以模型所能达到的最快速度跟随摄像头。点箭头可选择其他摄像头。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>No camera found</source>
            <translation>未找到摄像头</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Webcam stopped: you left the Inspect tab.</source>
            <translation>摄像头已停止：你离开了“透视”页。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Open image</source>
            <translation>打开图像</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>pasted image</source>
            <translation>粘贴的图像</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>The clipboard holds no image.</source>
            <translation>剪贴板中没有图像。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>The part of the original the model sees</source>
            <translation>原图中模型看到的部分</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Original ({0}×{1})</source>
            <translation>原图（{0}×{1}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>{0}: the image as loaded, {1}×{2}. The dashed box is the part the model sees.</source>
            <translation>{0}：加载时的原图，{1}×{2}。虚线框是模型看到的部分。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>The image as loaded. The dashed box is the part the model sees.</source>
            <translation>加载时的原图。虚线框是模型看到的部分。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Model input ({0}×{1})</source>
            <translation>模型输入（{0}×{1}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>{0} has no spatial layout: each value sees the whole image.</source>
            <translation>{0} 没有空间结构：每个值都看到整张图像。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Unit (ch {0}, y {1}, x {2}) of {3}: receptive field {4}×{5} px, jump {6}, start {7}. Rows {8}…{9}, columns {10}…{11}.</source>
            <translation>{3} 的单元（通道 {0}，y {1}，x {2}）：感受野 {4}×{5} 像素，跳距 {6}，起点 {7}。第 {8}…{9} 行，第 {10}…{11} 列。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Dashed yellow: {0:.0%} of it lies in padding (zeros), where the unit sees nothing.</source>
            <translation>黄色虚线：其中 {0:.0%} 落在填充（0）中，单元在那里什么也看不到。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/kernels_view.py" />
            <source>input channel </source>
            <translation>输入通道 </translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/kernels_view.py" />
            <source>Deeper layers: each filter has one small kernel per input channel; page through them.</source>
            <translation>较深的层：每个滤波器对每个输入通道各有一个小卷积核；可以逐页翻看。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/kernels_view.py" />
            <source>weight value</source>
            <translation>权重值</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/kernels_view.py" />
            <source>count</source>
            <translation>个数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/kernels_view.py" />
            <source>{0} has no weights to show.</source>
            <translation>{0} 没有可显示的权重。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/kernels_view.py" />
            <source>This layer</source>
            <translation>本层</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/kernels_view.py" />
            <source>{0} filters of {1}×{2}×3 shown in colour: grey is 0, the colour is what the filter looks for.</source>
            <translation>{0} 个 {1}×{2}×3 的滤波器以彩色显示：灰色为 0，颜色就是滤波器要寻找的东西。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/kernels_view.py" />
            <source>{0} filters, their {1}×{2} kernel on input channel {3} of {4}. Blue &lt; 0 &lt; red.</source>
            <translation>{0} 个滤波器，它们在输入通道 {3}（共 {4} 个）上的 {1}×{2} 卷积核。蓝 &lt; 0 &lt; 红。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/kernels_view.py" />
            <source> (every {0}th row and column)</source>
            <translation>（每隔 {0} 行和列取一个）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/kernels_view.py" />
            <source>Weight matrix: {0} outputs (rows) × {1} inputs (columns){2}. Blue &lt; 0 &lt; red.</source>
            <translation>权重矩阵：{0} 个输出（行）× {1} 个输入（列）{2}。蓝 &lt; 0 &lt; 红。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/kernels_view.py" />
            <source>{0} weights of shape {1}: histogram only.</source>
            <translation>{0} 个形状为 {1} 的权重：只显示直方图。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/layer_tree.py" />
            <source>Filter layers (name or type)…</source>
            <translation>筛选层（名称或类型）…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/layer_tree.py" />
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/layer_tree.py" />
            <source>Output</source>
            <translation>输出</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/layer_tree.py" />
            <source>Params</source>
            <translation>参数量</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/layer_tree.py" />
            <source>Parameters of the layer and everything inside it</source>
            <translation>该层及其内部所有层的参数量</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/layer_tree.py" />
            <source>Output shape: channels × height × width</source>
            <translation>输出形状：通道 × 高 × 宽</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/layer_tree.py" />
            <source>↑/↓ walk the layers · Alt+↑/Alt+↓ previous/next convolution · ←/→ fold/unfold</source>
            <translation>↑/↓ 逐层浏览 · Alt+↑/Alt+↓ 上一个/下一个卷积 · ←/→ 折叠/展开</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/layer_tree.py" />
            <source>{0} parameters</source>
            <translation>{0} 个参数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/layer_tree.py" />
            <source>{0}: not run in this forward pass (e.g. an auxiliary head)</source>
            <translation>{0}：本次前向传播没有运行它（例如辅助分类头）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/lesson.py" />
            <source>Lesson</source>
            <translation>课程</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/lesson.py" />
            <source>A lesson state must be a JSON object, not {0}.</source>
            <translation>课程状态必须是 JSON 对象，而不是 {0}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/lesson.py" />
            <source>The weights file {0} was not found; using random weights.</source>
            <translation>找不到权重文件 {0}；改用随机权重。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/lesson.py" />
            <source>The image {0} was not found; the current image stays.</source>
            <translation>找不到图像 {0}；保留当前图像。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/lesson.py" />
            <source>Unknown colormap {0}; keeping {1}.</source>
            <translation>未知的颜色映射 {0}；保持 {1}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/lesson.py" />
            <source>Unknown {0} {1}.</source>
            <translation>未知的{0} {1}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/lesson.py" />
            <source>Device {0}: {1} Staying on {2}.</source>
            <translation>设备 {0}：{1} 继续使用 {2}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/lesson.py" />
            <source>{0} has no layer {1}.</source>
            <translation>{0} 没有名为 {1} 的层。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/math_panel.py" />
            <source>Output size</source>
            <translation>输出尺寸</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/math_panel.py" />
            <source>Multiply-accumulates</source>
            <translation>乘加次数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/math_panel.py" />
            <source>Output memory</source>
            <translation>输出占用内存</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/math_panel.py" />
            <source>size {0}×{1}, jump {2}, start {3}</source>
            <translation>尺寸 {0}×{1}，跳距 {2}，起点 {3}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/math_panel.py" />
            <source>Receptive field</source>
            <translation>感受野</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/math_panel.py" />
            <source>Running totals</source>
            <translation>累计</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/math_panel.py" />
            <source>{0} parameters · {1} MACs (of {2} · {3})</source>
            <translation>{0} 个参数 · {1} 次乘加（共 {2} · {3}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>Search models…</source>
            <translation>搜索模型…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>Type part of a name (e.g. 'res', 'vgg') and press Enter to load it.</source>
            <translation>输入名称的一部分（例如 'res'、'vgg'），按回车加载。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>The network to inspect, grouped by family (year of its paper).</source>
            <translation>要检查的网络，按家族分组（括号中为论文年份）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>Random weights</source>
            <translation>随机权重</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>Pretrained (ImageNet)</source>
            <translation>预训练（ImageNet）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>From file…</source>
            <translation>来自文件…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>Random: an untrained net (patterns come only from the architecture).
Pretrained: torchvision's ImageNet weights (downloaded once).
From file: a state_dict you trained or downloaded.</source>
            <translation>随机：未训练的网络（图案只来自网络结构）。
预训练：torchvision 的 ImageNet 权重（只下载一次）。
来自文件：你训练或下载的 state_dict。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>Where the forward pass runs. A GPU that runs out of memory falls back to the CPU.</source>
            <translation>前向传播在哪里运行。GPU 显存不足时会退回 CPU。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>Stop loading (Esc); the previous model stays.</source>
            <translation>停止加载（Esc）；保留之前的模型。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>Weights</source>
            <translation>权重</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Device</source>
            <translation>设备</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>No model called '{0}'.</source>
            <translation>没有名为 '{0}' 的模型。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>Open weights</source>
            <translation>打开权重</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>PyTorch weights (*.pt *.pth *.bin *.ckpt);;All files (*)</source>
            <translation>PyTorch 权重 (*.pt *.pth *.bin *.ckpt);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/predictions_panel.py" />
            <source>Grad-CAM</source>
            <translation>Grad-CAM</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/predictions_panel.py" />
            <source>Grad-CAM: the selected layer's channels weighted by how much they raise the top class; bright = where the layer found evidence for it.</source>
            <translation>Grad-CAM：所选层的各通道按它们对最高类别的提升程度加权；越亮 = 该层在那里找到了越多证据。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/predictions_panel.py" />
            <source>Grad-CAM needs a layer with a spatial output (a convolution or pooling layer).</source>
            <translation>Grad-CAM 需要一个有空间输出的层（卷积层或池化层）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/predictions_panel.py" />
            <source>Where {0} finds evidence for “{1}” (the top class).</source>
            <translation>{0} 在哪里找到“{1}”（最高类别）的证据。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Layer math</source>
            <translation>层的计算</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Kernels</source>
            <translation>卷积核</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Top-5 · Grad-CAM</source>
            <translation>Top-5 · Grad-CAM</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>&amp;Open image…</source>
            <translation>打开图像(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Open an image file for the Inspect tab</source>
            <translation>为“透视”页打开一个图像文件</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>&amp;Paste image</source>
            <translation>粘贴图像(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Use the image on the clipboard</source>
            <translation>使用剪贴板中的图像</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Export view as &amp;PNG…</source>
            <translation>将视图导出为 PNG(&amp;P)…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Save the Inspect tab as it looks now</source>
            <translation>把“透视”页当前的样子保存为图片</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Export layer &amp;activations (.npz)…</source>
            <translation>导出该层的激活(&amp;A)（.npz）…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Export summary as &amp;CSV…</source>
            <translation>将摘要导出为 CSV(&amp;C)…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Export summary as &amp;Markdown…</source>
            <translation>将摘要导出为 Markdown(&amp;M)…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>&amp;Next convolution</source>
            <translation>下一个卷积(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Jump to the next convolution (Alt+↓)</source>
            <translation>跳到下一个卷积（Alt+↓）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>&amp;Previous convolution</source>
            <translation>上一个卷积(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Jump to the previous convolution (Alt+↑)</source>
            <translation>跳到上一个卷积（Alt+↑）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>&amp;Reload model</source>
            <translation>重新加载模型(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>&amp;Cancel loading</source>
            <translation>取消加载(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Find &amp;model…</source>
            <translation>查找模型(&amp;M)…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Export view</source>
            <translation>导出视图</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>PNG image (*.png)</source>
            <translation>PNG 图像 (*.png)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Export activations</source>
            <translation>导出激活</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>NumPy arrays (*.npz)</source>
            <translation>NumPy 数组 (*.npz)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Markdown (*.md)</source>
            <translation>Markdown (*.md)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Export summary</source>
            <translation>导出摘要</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Export failed</source>
            <translation>导出失败</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Saved {0}</source>
            <translation>已保存 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/webcam.py" />
            <source>Camera {0}</source>
            <translation>摄像头 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/webcam.py" />
            <source>Opening camera {0}…</source>
            <translation>正在打开摄像头 {0}…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/webcam.py" />
            <source>Webcam stopped: {0} frames shown, {1} dropped while the model was busy.</source>
            <translation>摄像头已停止：显示了 {0} 帧，模型忙时丢弃了 {1} 帧。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/webcam.py" />
            <source>Webcam stopped: the camera failed.</source>
            <translation>摄像头已停止：摄像头出错。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/webcam.py" />
            <source>Webcam stopped</source>
            <translation>摄像头已停止</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/webcam.py" />
            <source>The last image stays loaded.</source>
            <translation>最后一幅图像保持载入。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/webcam.py" />
            <source>camera {0}</source>
            <translation>摄像头 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/webcam.py" />
            <source>Webcam stopped: the model could not run on a camera frame.</source>
            <translation>摄像头已停止：模型无法处理摄像头画面。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/webcam.py" />
            <source>Webcam stopped: the model could not be loaded.</source>
            <translation>摄像头已停止：模型无法载入。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/webcam.py" />
            <source>Webcam live: {0:.1f} fps · {1} frames dropped while the model was busy</source>
            <translation>摄像头实时：{0:.1f} 帧/秒 · 模型忙时丢弃了 {1} 帧</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp);;All files (*)</source>
            <translation>图像 (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/jobs.py" />
            <source>Measuring every layer</source>
            <translation>正在测量每一层</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/jobs.py" />
            <source>Running the image through the model</source>
            <translation>正在让图像通过模型</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/jobs.py" />
            <source>Ready</source>
            <translation>就绪</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/jobs.py" />
            <source>Reading the image</source>
            <translation>正在读取图像</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/jobs.py" />
            <source>Model ready</source>
            <translation>模型已就绪</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/render.py" />
            <source>Perceptually uniform, blue to yellow; the default.</source>
            <translation>感知均匀，从蓝到黄；默认配色。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/render.py" />
            <source>Perceptually uniform, black to light yellow through purple.</source>
            <translation>感知均匀，从黑经紫到浅黄。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/render.py" />
            <source>Perceptually uniform, black to yellow through red.</source>
            <translation>感知均匀，从黑经红到黄。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/render.py" />
            <source>Perceptually uniform and readable with colour-vision deficiency.</source>
            <translation>感知均匀，色觉障碍者也能分辨。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/render.py" />
            <source>Black to white.</source>
            <translation>从黑到白。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/render.py" />
            <source>Blue below zero, grey at zero, red above: for signed values such as weights.</source>
            <translation>小于 0 为蓝，等于 0 为灰，大于 0 为红：适合权重这类有正负的数值。</translation>
        </message>
    </context>
    <context>
        <name>Lessons</name>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>{0} is damaged: its content is not a lesson. The file was not changed.</source>
            <translation>{0} 已损坏：内容不是课程。文件未做任何改动。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>The lesson cannot be saved: a tab's state is not plain data ({0}).</source>
            <translation>无法保存课程：某个标签页的状态不是纯数据（{0}）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>The lesson was not saved: {0}</source>
            <translation>课程未保存：{0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>The lesson was not saved to {0}: {1}.</source>
            <translation>课程未保存到 {0}：{1}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>The file was not changed.</source>
            <translation>文件未做任何改动。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>{0} is too large to be a lesson ({1} MB). {2}</source>
            <translation>{0} 太大，不像是课程文件（{1} MB）。{2}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>{0} does not exist.</source>
            <translation>{0} 不存在。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>{0} cannot be read: {1}.</source>
            <translation>无法读取 {0}：{1}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>{0} is damaged or is not a lesson file (it is not valid JSON). {1}</source>
            <translation>{0} 已损坏或不是课程文件（不是有效的 JSON）。{1}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>{0} is not a cnnviz lesson (it lacks the kind / version / data fields). {1}</source>
            <translation>{0} 不是 cnnviz 课程（缺少 kind / version / data 字段）。{1}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>{0} is a “{1}” file, not a cnnviz lesson. {2}</source>
            <translation>{0} 是“{1}”文件，不是 cnnviz 课程。{2}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>{0} is damaged: its version is not a whole number. {1}</source>
            <translation>{0} 已损坏：版本号不是整数。{1}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>{0} was saved by a newer cnnviz (lesson format {1}; this one reads up to {2}). Update cnnviz to open it. {3}</source>
            <translation>{0} 由更新版本的 cnnviz 保存（课程格式 {1}；本版本最多读取到 {2}）。请更新 cnnviz 后再打开。{3}</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Inspect</source>
            <translation>透视</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Train</source>
            <translation>训练</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Playground</source>
            <translation>试验场</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Explain</source>
            <translation>讲解</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>The settings file was damaged. It was kept as {0}; cnnviz starts with default settings.</source>
            <translation>设置文件已损坏。它被保留为 {0}；cnnviz 使用默认设置启动。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>The settings file {0} is damaged and could not be moved aside. It is left untouched; this session uses default settings.</source>
            <translation>设置文件 {0} 已损坏，且无法移到一旁。它保持原样；本次会话使用默认设置。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>The settings file {0} comes from a newer cnnviz. It is left untouched; this session uses default settings.</source>
            <translation>设置文件 {0} 来自更新版本的 cnnviz。它不会被改动；本次运行使用默认设置。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Loading PyTorch…</source>
            <translation>正在加载 PyTorch…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Main toolbar</source>
            <translation>主工具栏</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>&amp;Model</source>
            <translation>模型(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Open &amp;lesson…</source>
            <translation>打开课程(&amp;L)…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Open a lesson file: every tab as it was saved</source>
            <translation>打开课程文件：每个标签页恢复到保存时的样子</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>&amp;Save lesson</source>
            <translation>保存课程(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Save every tab's state to the current lesson file</source>
            <translation>把每个标签页的状态保存到当前课程文件</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Save lesson &amp;as…</source>
            <translation>课程另存为(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Save every tab's state to a new lesson file</source>
            <translation>把每个标签页的状态保存到新的课程文件</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>&amp;Full screen</source>
            <translation>全屏(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Fill the screen (for projectors); F11 again to leave</source>
            <translation>占满整个屏幕（用于投影）；再按 F11 退出</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Zoom &amp;in</source>
            <translation>放大(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Larger text and plots</source>
            <translation>更大的文字和图表</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Zoom &amp;out</source>
            <translation>缩小(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Smaller text and plots</source>
            <translation>更小的文字和图表</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>&amp;Reset zoom</source>
            <translation>重置缩放(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Back to 100 %</source>
            <translation>恢复到 100 %</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>&amp;Theme</source>
            <translation>主题(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Show &amp;toolbar</source>
            <translation>显示工具栏(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Buttons of the current tab under the menus</source>
            <translation>在菜单下方显示当前标签页的按钮</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Every keyboard shortcut, tab by tab</source>
            <translation>所有键盘快捷键，按标签页列出</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>&amp;About cnnviz</source>
            <translation>关于 cnnviz(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Zoom {0:.0f}%</source>
            <translation>缩放 {0:.0f}%</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>The translation for {0} is missing; the interface stays in English.</source>
            <translation>缺少{0}的翻译；界面保持英文。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Switch language</source>
            <translation>切换语言</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Switching the language rebuilds every tab and stops the work running in: {0}. Switch now?</source>
            <translation>切换语言会重建所有标签页，并停止正在运行的工作：{0}。现在切换吗？</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Save lesson</source>
            <translation>保存课程</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>cnnviz lessons (*{0})</source>
            <translation>cnnviz 课程 (*{0})</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Lesson saved to {0}</source>
            <translation>课程已保存到 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Open lesson</source>
            <translation>打开课程</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>cnnviz lessons (*{0});;All files (*)</source>
            <translation>cnnviz 课程 (*{0});;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Some tabs could not take their part of the lesson: {0}.</source>
            <translation>有些标签页无法恢复课程中属于它的部分：{0}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Lesson opened: {0}</source>
            <translation>已打开课程：{0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>About cnnviz</source>
            <translation>关于 cnnviz</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>See inside convolutional neural networks.</source>
            <translation>看清卷积神经网络的内部。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>This tab failed to start; see the terminal for details.</source>
            <translation>此标签页启动失败；详情请看终端输出。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>memory {0}</source>
            <translation>内存 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>What this tab works on · memory in use</source>
            <translation>本页正在处理的内容 · 内存占用</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Model · weights · device · memory in use</source>
            <translation type="vanished">模型 · 权重 · 设备 · 已用内存</translation>
        </message>
    </context>
    <context>
        <name>Playground</name>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Playground</source>
            <translation>试验场</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>One step back (Left arrow)</source>
            <translation>后退一步（←）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>One step forward (Right arrow)</source>
            <translation>前进一步（→）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/loss_view.py" />
            <source>step</source>
            <translation>步数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/loss_view.py" />
            <source>loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/loss_view.py" />
            <source>Loss f(x, y) after each step. A log scale shows steady convergence as a straight, falling line: its slope is the rate. The dashed line is the step on screen.</source>
            <translation>每一步之后的损失 f(x, y)。在对数坐标下，稳定的收敛是一条下降的直线，斜率就是收敛速率。虚线是画面上显示的那一步。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/loss_view.py" />
            <source> (diverged)</source>
            <translation>（已发散）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/loss_view.py" />
            <source>loss (log scale)</source>
            <translation>损失（对数坐标）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>H, the Hessian: the matrix of second derivatives. On a quadratic the gradient is H·x, so one gradient-descent step is x ← (I − lr·H)·x.</source>
            <translation>H，即 Hessian 矩阵：二阶导数组成的矩阵。在二次函数上梯度为 H·x，所以梯度下降的一步是 x ← (I − lr·H)·x。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>The eigenvalues of H are the curvatures along its two principal directions; in those directions the coordinates move independently.</source>
            <translation>H 的特征值是沿两个主方向的曲率；在这两个方向上，坐标各自独立地移动。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>Condition number κ = λmax/λmin: how much steeper the steepest direction is than the flattest. Large κ means a narrow ravine and slow gradient descent.</source>
            <translation>条件数 κ = λmax/λmin：最陡方向比最平方向陡多少倍。κ 越大，沟谷越窄，梯度下降越慢。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>Each direction shrinks iff |1 − lr·λ| &lt; 1, i.e. 0 &lt; lr &lt; 2/λ. The steepest direction sets the ceiling: lr must stay below 2/λmax.</source>
            <translation>每个方向收缩当且仅当 |1 − lr·λ| &lt; 1，即 0 &lt; lr &lt; 2/λ。最陡的方向决定上限：lr 必须小于 2/λmax。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>GD learning rate</source>
            <translation>梯度下降的学习率</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>The learning rate of the SGD racer (plain gradient descent).</source>
            <translation>SGD 选手（普通梯度下降）的学习率。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>Drag to change plain gradient descent's learning rate (the SGD racer). The slider runs to 1.5 × 2/λmax: below 1/λmax the path converges monotonically, between 1/λmax and 2/λmax it oscillates but converges, above 2/λmax it diverges.</source>
            <translation>拖动以改变普通梯度下降（SGD 选手）的学习率。滑块最大到 1.5 × 2/λmax：低于 1/λmax 时路径单调收敛，介于 1/λmax 与 2/λmax 之间时振荡但收敛，高于 2/λmax 时发散。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>|1 − lr·λi|: the factor by which one step multiplies the distance to the minimum along eigendirection i. Below 1 it shrinks, above 1 it grows; a negative 1 − lr·λ flips sides every step.</source>
            <translation>|1 − lr·λi|：沿特征方向 i，每一步让到最小值的距离乘上的因子。小于 1 则缩小，大于 1 则增大；1 − lr·λ 为负时每一步都会跳到另一侧。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>What gradient descent does with this learning rate, in words.</source>
            <translation>用文字说明梯度下降在这个学习率下会怎样。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>|1 − lr·λ| versus lr</source>
            <translation>|1 − lr·λ| 随 lr 的变化</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>Each line is |1 − lr·λi| for one eigenvalue. Where a line rises above 1 (dashed), that direction diverges. Green: monotone, amber: oscillating, red: diverging. The vertical line is the current lr.</source>
            <translation>每条线是某个特征值对应的 |1 − lr·λi|。线升到 1（虚线）以上的地方，该方向发散。绿色：单调，琥珀色：振荡，红色：发散。竖线是当前的 lr。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>Error left: (1 − lr·λ)ᵏ</source>
            <translation>剩余误差：(1 − lr·λ)ᵏ</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>step k</source>
            <translation>步数 k</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>Distance to the minimum along each eigendirection, relative to the start: (1 − lr·λi)ᵏ. Blue: direction 1, red: direction 2. A sign flip every step is the zig-zag you see on the surface.</source>
            <translation>沿每个特征方向到最小值的距离，相对于起点：(1 − lr·λi)ᵏ。蓝色：方向 1，红色：方向 2。每一步符号翻转，就是你在曲面上看到的锯齿。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>Why the learning rate has a ceiling</source>
            <translation>为什么学习率有上限</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>local quadratic model at ({0:.3g}, {1:.3g})</source>
            <translation>在 ({0:.3g}, {1:.3g}) 处的局部二次模型</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>condition number κ = {0}</source>
            <translation>条件数 κ = {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>condition number: undefined (a curvature is ≤ 0)</source>
            <translation>条件数：无定义（某个曲率 ≤ 0）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>no learning rate converges: no direction curves upwards</source>
            <translation>没有能收敛的学习率：没有向上弯曲的方向</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>Gradient descent {0}</source>
            <translation>梯度下降{0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/racer_panel.py" />
            <source>Show the other hyperparameters of this optimizer</source>
            <translation>显示这个优化器的其他超参数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/racer_panel.py" />
            <source>Loss at the step on screen, or the step at which the path diverged</source>
            <translation>画面上那一步的损失，或路径发散时的步数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/surface_view.py" />
            <source>The loss surface: pale = low loss, blue = high loss; lines are contour levels, log-spaced. ★ marks the minima, the white square the start.
Click anywhere to start the race from there. Wheel: zoom; drag: pan.</source>
            <translation>损失曲面：浅色 = 损失低，蓝色 = 损失高；线条是按对数间隔的等高线。★ 标出最小值，白色方块是起点。
点击任意位置，从那里开始竞赛。滚轮：缩放；拖动：平移。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Optimizers (torch.optim)</source>
            <translation>优化器（torch.optim）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Suggested learning rates</source>
            <translation>推荐的学习率</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Put back the learning rates tuned for this surface (torch's defaults are made for neural networks and barely move on a 2-D bowl).</source>
            <translation>恢复为针对这个曲面调好的学习率（torch 的默认值是为神经网络设计的，在二维碗上几乎不动）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Surface</source>
            <translation>曲面</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>The loss surface f(x, y) the optimizers descend.</source>
            <translation>优化器要下降的损失曲面 f(x, y)。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Start</source>
            <translation>起点</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Where every optimizer starts. Click on the surface to move it.</source>
            <translation>所有优化器的出发点。点击曲面可以移动它。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>How many optimizer steps each racer takes.</source>
            <translation>每个选手走多少步。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Steps</source>
            <translation>步数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Start point coordinate; or click on the surface.</source>
            <translation>起点坐标；也可以点击曲面。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Restart</source>
            <translation>重新开始</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Back to step 0 and play (Home)</source>
            <translation>回到第 0 步并播放（Home）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Back</source>
            <translation>后退</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Play or pause the race (Space)</source>
            <translation>播放或暂停竞赛（空格）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Step</source>
            <translation>单步</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>End</source>
            <translation>结尾</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Jump to the last step (End)</source>
            <translation>跳到最后一步（End）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>{0:g} steps/frame</source>
            <translation>每帧 {0:g} 步</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>1 step/frame</source>
            <translation>每帧 1 步</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Animation speed: optimizer steps per displayed frame (+ / −)</source>
            <translation>动画速度：每显示一帧走多少个优化步（+ / −）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Drag to any step of the race</source>
            <translation>拖动到竞赛的任意一步</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>{0} optimizers</source>
            <translation>{0} 个优化器</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>step {0} / {1}</source>
            <translation>第 {0} / {1} 步</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>✕ diverged at step {0}</source>
            <translation>✕ 在第 {0} 步发散</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>loss {0:.3g} at ({1:.3f}, {2:.3f})</source>
            <translation>损失 {0:.3g}，位于 ({1:.3f}, {2:.3f})</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>best lr</source>
            <translation>最佳 lr</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/lr_panel.py" />
            <source>bound</source>
            <translation>上限</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/racer_panel.py" />
            <source>valid range</source>
            <translation>有效范围</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Click the surface to start from there. ★ = minimum, □ = start, ✕ = diverged.</source>
            <translation>点击曲面即可从那里出发。★ = 最小值，□ = 起点，✕ = 发散。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>range</source>
            <translation>范围</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Quadratic bowl ½xᵀHx</source>
            <translation>二次碗 ½xᵀHx</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>A bowl whose curvature is λ1 along one axis and λ2 along the other, turned by θ. The ratio λmax/λmin (the condition number) makes it a round bowl or a narrow ravine. Gradient descent converges here exactly when 0 &lt; lr &lt; 2/λmax.</source>
            <translation>一个碗：沿一个轴的曲率为 λ1，沿另一个轴为 λ2，并旋转 θ 度。比值 λmax/λmin（条件数）决定它是圆碗还是狭长的沟谷。在这里梯度下降恰好在 0 &lt; lr &lt; 2/λmax 时收敛。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Curvature (eigenvalue of H) along the first axis.</source>
            <translation>沿第一个轴的曲率（H 的特征值）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Curvature (eigenvalue of H) along the second axis.</source>
            <translation>沿第二个轴的曲率（H 的特征值）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Rotation of the bowl's axes, in degrees.</source>
            <translation>碗的主轴旋转角度（度）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>angle</source>
            <translation>角度</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Rosenbrock's banana</source>
            <translation>Rosenbrock 香蕉函数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>A curved, flat-bottomed valley. Finding the valley is easy; following its bend to the minimum at (a, a²) is slow for plain gradient descent.</source>
            <translation>一条弯曲、谷底平坦的山谷。找到山谷很容易；沿着弯道走到最小值 (a, a²) 对普通梯度下降却很慢。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>The minimum sits at (a, a²).</source>
            <translation>最小值位于 (a, a²)。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Steepness of the valley walls.</source>
            <translation>谷壁的陡峭程度。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Himmelblau (four minima)</source>
            <translation>Himmelblau（四个最小值）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Four equally deep minima. Which one an optimizer reaches depends on where it starts and on how it moves: momentum can carry it past the nearest basin.</source>
            <translation>四个同样深的最小值。优化器到达哪一个取决于起点和它的运动方式：动量可能把它带过最近的盆地。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Beale</source>
            <translation>Beale 函数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Flat plateaus and very steep corners around a narrow valley to the minimum at (3, 0.5): the gradient's size changes by orders of magnitude, which adaptive methods handle better.</source>
            <translation>平坦的高原和极陡的角落，中间一条狭窄的山谷通向最小值 (3, 0.5)：梯度大小相差几个数量级，自适应方法更能应对。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Rastrigin (many local minima)</source>
            <translation>Rastrigin（大量局部最小值）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>A bowl covered in bumps: every integer point is a local minimum. Gradient methods stop in the first dip they meet; only the one at (0, 0) is global.</source>
            <translation>布满凸起的碗：每个整数点都是局部最小值。梯度方法会停在遇到的第一个凹陷；只有 (0, 0) 是全局最小值。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Height of the bumps (0 gives a plain bowl).</source>
            <translation>凸起的高度（0 时为普通的碗）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Saddle x² − y²</source>
            <translation>鞍面 x² − y²</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Downhill in y, uphill in x, with a flat point at (0, 0) that is not a minimum. Starting almost on the ridge, plain gradient descent lingers near the saddle before escaping; the loss has no lower bound, so every path eventually leaves the plot.</source>
            <translation>沿 y 下坡、沿 x 上坡，(0, 0) 处梯度为零却不是最小值。从几乎位于山脊上的点出发，普通梯度下降会在鞍点附近徘徊后才逃离；损失无下界，所以每条路径最终都会离开画面。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Narrow winding valley</source>
            <translation>狭窄弯曲的山谷</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Gentle along the valley floor, steep across it (curvatures about 0.2 and 2s). Plain gradient descent bounces between the walls; momentum and adaptive steps follow the floor.</source>
            <translation>沿谷底平缓，横穿山谷陡峭（曲率约为 0.2 与 2s）。普通梯度下降在两壁之间来回弹跳；动量和自适应步长则沿谷底前进。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>s: how steep the valley walls are.</source>
            <translation>s：谷壁的陡峭程度。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>steepness</source>
            <translation>陡度</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Plain gradient descent: step = −lr · gradient.</source>
            <translation>普通梯度下降：每步更新 = −lr · 梯度。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Learning rate: how far each step moves along the (processed) gradient.</source>
            <translation>学习率：每一步沿（处理后的）梯度移动多远。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Pulls every parameter a little towards zero each step (L2 penalty).</source>
            <translation>每一步把每个参数往 0 拉一点（L2 惩罚）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>SGD with a velocity: v = μv + g, step = −lr · v (torch.optim.SGD, momentum &gt; 0).</source>
            <translation>带速度的 SGD：v = μv + g，每步更新 = −lr · v（torch.optim.SGD，momentum &gt; 0）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Fraction of the previous step kept: a heavy ball that rolls on through small bumps.</source>
            <translation>保留上一步的比例：像一个重球，会滚过小的起伏。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Scales down the new gradient added to the velocity.</source>
            <translation>加入速度时把新梯度缩小的比例。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Momentum that looks ahead: the gradient is corrected by where the velocity is taking it.</source>
            <translation>向前看的动量：用速度将要到达的位置修正梯度。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Divides each coordinate's step by the root of its summed squared gradients: steps only ever shrink.</source>
            <translation>每个坐标的步长除以其梯度平方和的平方根：步长只会越来越小。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Shrinks lr as 1/(1 + (t−1)·lr_decay).</source>
            <translation>按 1/(1 + (t−1)·lr_decay) 缩小学习率。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Starting value of the sum of squared gradients.</source>
            <translation>梯度平方和的初始值。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Added to the denominator so that a tiny gradient history does not divide by zero.</source>
            <translation>加在分母上，防止梯度历史很小时除以零。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Like Adagrad, but forgets old gradients: divides by a running RMS of recent ones.</source>
            <translation>类似 Adagrad，但会遗忘旧梯度：除以最近梯度的滑动均方根。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Decay of the running mean of squared gradients.</source>
            <translation>梯度平方滑动平均的衰减率。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Optional momentum on top of the scaled step.</source>
            <translation>在缩放后的步长上可选的动量。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Step size from the ratio of running RMS of past steps to that of gradients: starts tiny, grows.</source>
            <translation>步长取自过去步长与梯度的滑动均方根之比：开始很小，逐渐变大。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Decay of the running means of squared gradients and steps.</source>
            <translation>梯度平方与步长平方滑动平均的衰减率。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Momentum plus RMSProp scaling, bias-corrected: each coordinate moves about lr per step.</source>
            <translation>动量加 RMSProp 缩放并做偏差校正：每个坐标每步大约移动 lr。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Decay of the running mean of gradients (the momentum part).</source>
            <translation>梯度滑动平均的衰减率（动量部分）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Decay of the running mean of squared gradients (the per-direction step size).</source>
            <translation>梯度平方滑动平均的衰减率（决定各方向的步长）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Adam with decoupled weight decay (pulls towards (0, 0) independently of the gradient scaling).</source>
            <translation>带解耦权重衰减的 Adam（独立于梯度缩放地拉向 (0, 0)）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Decoupled weight decay: shrinks the parameters directly, not through the gradient.</source>
            <translation>解耦的权重衰减：直接缩小参数，而不经过梯度。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/lr_bound.py" />
            <source>converges in one step</source>
            <translation>一步收敛</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/lr_bound.py" />
            <source>converges monotonically</source>
            <translation>单调收敛</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/lr_bound.py" />
            <source>oscillates but converges</source>
            <translation>振荡但收敛</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/lr_bound.py" />
            <source>oscillates forever (exactly on the bound)</source>
            <translation>永远振荡（恰好在界上）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/lr_bound.py" />
            <source>does not move (flat direction)</source>
            <translation>不动（平坦方向）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/lr_bound.py" />
            <source>diverges</source>
            <translation>发散</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/lr_bound.py" />
            <source>slides away (negative curvature)</source>
            <translation>滑走（负曲率）</translation>
        </message>
    </context>
    <context>
        <name>Shortcuts</name>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Inspect</source>
            <translation>透视</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Train</source>
            <translation>训练</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Playground</source>
            <translation>试验场</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Explain</source>
            <translation>讲解</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Walk the layers in the layer tree</source>
            <translation>在层树中逐层浏览</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Open or close a block of layers</source>
            <translation>展开或折叠一组层</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Next / previous convolution</source>
            <translation>下一个 / 上一个卷积</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Find a model</source>
            <translation>查找模型</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Play or pause the animation</source>
            <translation>播放或暂停动画</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>One step forward / back</source>
            <translation>前进一步 / 后退一步</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>First / last step</source>
            <translation>第一步 / 最后一步</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>1×1 convolution: move the pixel</source>
            <translation>1×1 卷积：移动像素</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Play or pause the race</source>
            <translation>播放或暂停竞赛</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Restart from step 0</source>
            <translation>从第 0 步重新开始</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Jump to the last step</source>
            <translation>跳到最后一步</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Faster / slower animation</source>
            <translation>加快 / 减慢动画</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Start training</source>
            <translation>开始训练</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Continue the stopped runs</source>
            <translation>继续已停止的运行</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Pause or resume training</source>
            <translation>暂停或继续训练</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Stop training</source>
            <translation>停止训练</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>New run / duplicate the selected run</source>
            <translation>新建运行 / 复制选中的运行</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Remove the selected run</source>
            <translation>删除选中的运行</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Logarithmic loss axis on / off</source>
            <translation>打开 / 关闭损失的对数坐标</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Keyboard shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Type to filter, e.g. “step” or “Ctrl”</source>
            <translation>输入以筛选，例如“步”或“Ctrl”</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>What it does</source>
            <translation>功能</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Keys</source>
            <translation>按键</translation>
        </message>
    </context>
    <context>
        <name>Theme</name>
        <message>
            <location filename="../../cnnviz/gui/theme.py" />
            <source>&amp;System</source>
            <translation>跟随系统(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/theme.py" />
            <source>&amp;Light, high contrast (projectors)</source>
            <translation>浅色高对比度（投影仪）(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/theme.py" />
            <source>&amp;Dark</source>
            <translation>深色(&amp;D)</translation>
        </message>
    </context>
    <context>
        <name>TrainPlots</name>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>step</source>
            <translation>步数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>Values of the smoothed training loss under the mouse cursor.</source>
            <translation>鼠标位置处平滑后的训练损失值。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>Training loss (faint: every step, solid: smoothed)</source>
            <translation>训练损失（浅色：每一步，实线：平滑后）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>Validation loss after each epoch (dashed: training mean)</source>
            <translation>每个 epoch 后的验证损失（虚线：训练均值）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>epoch</source>
            <translation>epoch</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>Validation accuracy after each epoch (dashed: training mean)</source>
            <translation>每个 epoch 后的验证准确率（虚线：训练均值）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>accuracy</source>
            <translation>准确率</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>Learning rate (log scale)</source>
            <translation>学习率（对数坐标）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>lr</source>
            <translation>学习率</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>Weight norm ‖w‖₂ after each epoch</source>
            <translation>每个 epoch 后的权重范数 ‖w‖₂</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>‖w‖₂</source>
            <translation>‖w‖₂</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>Click a run to hide or show it in every plot.</source>
            <translation>点击某次运行，在所有图中隐藏或显示它。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>Press Start (Ctrl+Enter): every run starts from the same weights
and sees the same batches, so the curves differ only by optimizer.</source>
            <translation>按“开始”（Ctrl+Enter）：每次运行都从相同的权重出发，
看到相同的批次，所以曲线的差别只来自优化器。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>diverged</source>
            <translation>已发散</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>training images seen</source>
            <translation>已见过的训练图像数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>failed</source>
            <translation>失败</translation>
        </message>
    </context>
    <context>
        <name>TrainRuns</name>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>The run's name in the legend and in the CSV.</source>
            <translation>这次运行在图例和 CSV 中的名称。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>The update rule this run uses.</source>
            <translation>这次运行使用的更新规则。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>same as setup</source>
            <translation>与公共设置相同</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>This run's batch size (0: the batch size of the setup).</source>
            <translation>这次运行的批大小（0：使用公共设置的批大小）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>How the learning rate changes during training.</source>
            <translation>训练过程中学习率如何变化。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>BatchNorm</source>
            <translation>BatchNorm</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Add BatchNorm after every convolution (models that offer it).</source>
            <translation>在每个卷积之后加入 BatchNorm（仅限支持它的模型）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Dropout probability before each linear layer (models that offer it).</source>
            <translation>每个全连接层之前的 Dropout 概率（仅限支持它的模型）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Optimizer</source>
            <translation>优化器</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Batch size</source>
            <translation>批大小</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>LR schedule</source>
            <translation>学习率调度</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Dropout</source>
            <translation>Dropout</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Allowed: {0}</source>
            <translation>允许的取值：{0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>{0}: “{1}” is not a number.</source>
            <translation>{0}：“{1}”不是数字。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Run</source>
            <translation>运行</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Tick a run to show it in the plots; select it to edit it below.</source>
            <translation>勾选某次运行可在图中显示它；选中它可在下方编辑。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Add a run with another optimizer (Ctrl+N).</source>
            <translation>添加一次使用其他优化器的运行（Ctrl+N）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Duplicate</source>
            <translation>复制</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Copy the selected run, then change one hyperparameter (Ctrl+D).</source>
            <translation>复制选中的运行，然后只改一个超参数（Ctrl+D）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Remove the selected run (Delete).</source>
            <translation>删除选中的运行（Delete）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>copy</source>
            <translation>副本</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Another run is already called “{0}”.</source>
            <translation>已有一次运行叫“{0}”。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/metrics.py" />
            <source>pending</source>
            <translation>等待中</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/metrics.py" />
            <source>running</source>
            <translation>运行中</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/metrics.py" />
            <source>finished</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/metrics.py" />
            <source>diverged</source>
            <translation>已发散</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/metrics.py" />
            <source>stopped</source>
            <translation>已停止</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/metrics.py" />
            <source>failed</source>
            <translation>失败</translation>
        </message>
    </context>
    <context>
        <name>TrainTab</name>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Open in Inspect</source>
            <translation>在“透视”页打开</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Device</source>
            <translation>设备</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>step</source>
            <translation>步数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Start</source>
            <translation>开始</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>epoch</source>
            <translation>epoch</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>The network every run trains (built once from the init seed).</source>
            <translation>每次运行都训练的网络（由初始化种子构建一次）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>The images to learn. Shapes is built in and needs no download.</source>
            <translation>要学习的图像。Shapes 是内置数据集，无需下载。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>image folder (one sub-folder per class)</source>
            <translation>图像文件夹（每个类别一个子文件夹）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Passes over the training set, for every run.</source>
            <translation>每次运行遍历训练集的轮数。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Images per step for runs that do not set their own batch size.</source>
            <translation>没有单独设置批大小的运行，每一步使用的图像数。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>all</source>
            <translation>全部</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Use only the first N training images (small sets overfit: see the dropout lesson). 0 uses all.</source>
            <translation>只使用前 N 张训练图像（小数据集会过拟合：见 Dropout 课程）。0 表示全部使用。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Seed of the initial weights: every run starts from these same weights.</source>
            <translation>初始权重的种子：每次运行都从这同一组权重出发。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Seed of the data and of the batch order: every run sees the same batches.</source>
            <translation>数据和批次顺序的种子：每次运行看到相同的批次。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Where the runs train.</source>
            <translation>在哪里训练。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>weights</source>
            <translation>权重</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>data</source>
            <translation>数据</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>batch</source>
            <translation>批次</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Data</source>
            <translation>数据</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Epochs</source>
            <translation>轮数（epoch）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Train images</source>
            <translation>训练图像数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Seeds</source>
            <translation>种子</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Setup shared by every run</source>
            <translation>所有运行共用的设置</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Lessons</source>
            <translation>课程</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Ready-made comparisons from the notes.</source>
            <translation>来自笔记的现成对比实验。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Runs</source>
            <translation>运行</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Train every run from the same initial weights (Ctrl+Enter).</source>
            <translation>让每次运行都从相同的初始权重开始训练（Ctrl+Enter）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Pause or resume every run (Ctrl+P).</source>
            <translation>暂停或继续所有运行（Ctrl+P）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Stop every run; what was logged stays (Esc).</source>
            <translation>停止所有运行；已记录的数据会保留（Esc）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Continue</source>
            <translation>继续训练</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Train the stopped runs on from where they ended, up to the number of epochs set above; the curves go on (Ctrl+Shift+Enter).</source>
            <translation>让已停止的运行从结束处接着训练，直到上面设定的轮数；曲线会接着画下去（Ctrl+Shift+Enter）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Ready.</source>
            <translation>就绪。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Weight of the exponential moving average drawn over the faint raw loss.</source>
            <translation>在浅色原始损失上叠加的指数滑动平均的权重。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>images seen</source>
            <translation>已见图像数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Count the x axis in optimizer steps, epochs or training images seen. Runs with different batch sizes take different numbers of steps per epoch: compare them per epoch or per image.</source>
            <translation>横轴按优化步数、epoch 或已见过的训练图像数计。批大小不同的运行每个 epoch 的步数不同：请按 epoch 或按图像数比较。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Log y</source>
            <translation>对数 y 轴</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Logarithmic loss axes (Ctrl+L): small differences late in training show.</source>
            <translation>损失使用对数坐标（Ctrl+L）：训练后期的细小差别也能看出来。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Save every run's metrics as a long-form CSV (kept up to date while training).</source>
            <translation>把每次运行的指标保存为长格式 CSV（训练时持续更新）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Save plot…</source>
            <translation>保存图表…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Save the plots as a PNG image.</source>
            <translation>把图表保存为 PNG 图像。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Save weights…</source>
            <translation>保存权重…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Save each run's trained weights as a state_dict file (.pt).</source>
            <translation>把每次运行训练好的权重保存为 state_dict 文件（.pt）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Look inside the selected run's trained network in the Inspect tab.</source>
            <translation>在“透视”页查看选中运行训练好的网络内部。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Smoothing</source>
            <translation>平滑</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>X axis</source>
            <translation>横轴</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Stop the training before loading a lesson.</source>
            <translation>加载课程前请先停止训练。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Image folder (one sub-folder per class)</source>
            <translation>图像文件夹（每个类别一个子文件夹）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Fix the run settings marked in red first.</source>
            <translation>请先修正标为红色的运行设置。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Cannot start training</source>
            <translation>无法开始训练</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Nothing to continue: raise Epochs above what the runs have done, or press Start to train again from the start.</source>
            <translation>没有可以继续的：把轮数调到高于已完成的轮数，或按“开始”从头重新训练。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Cannot continue training</source>
            <translation>无法继续训练</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Preparing data and models…</source>
            <translation>正在准备数据和模型…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Resumed.</source>
            <translation>已继续。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Paused: press Ctrl+P or Resume to continue.</source>
            <translation>已暂停：按 Ctrl+P 或“继续”以继续。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Stopping…</source>
            <translation>正在停止…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Training failed</source>
            <translation>训练失败</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>{count} {status}</source>
            <translation>{status} {count} 个</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Done: {0}.</source>
            <translation>训练结束：{0}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Stopped.</source>
            <translation>已停止。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Resume</source>
            <translation>继续</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Export metrics</source>
            <translation>导出指标</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Cannot write the CSV</source>
            <translation>无法写入 CSV</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Metrics written to {0}</source>
            <translation>指标已写入 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Save plot</source>
            <translation>保存图表</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Cannot save the plot</source>
            <translation>无法保存图表</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Cannot write {0}</source>
            <translation>无法写入 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Plot saved to {0}</source>
            <translation>图表已保存到 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Folder for the weights</source>
            <translation>保存权重的文件夹</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Cannot save the weights</source>
            <translation>无法保存权重</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>{0} state_dict files written to {1}</source>
            <translation>已将 {0} 个 state_dict 文件写入 {1}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Select a trained run first.</source>
            <translation>请先选择一次训练过的运行。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Cannot open in Inspect</source>
            <translation>无法在“透视”页打开</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>The Train part of this lesson cannot be read: {0}</source>
            <translation>无法读取这个课程中“训练”页的部分：{0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>The Train part of this lesson cannot be read ({0}).</source>
            <translation>无法读取这个课程中“训练”页的部分（{0}）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Lesson opened: the curves are as they were saved. Start trains again from the start; Continue trains on.</source>
            <translation>课程已打开：曲线与保存时相同。“开始”从头重新训练；“继续训练”接着训练。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Lesson opened: the curves are as they were saved. Start trains again.</source>
            <translation>课程已打开：曲线与保存时相同。“开始”会重新训练。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Lesson opened.</source>
            <translation>课程已打开。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/metrics.py" />
            <source>finished</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/metrics.py" />
            <source>diverged</source>
            <translation>已发散</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/metrics.py" />
            <source>stopped</source>
            <translation>已停止</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/metrics.py" />
            <source>failed</source>
            <translation>失败</translation>
        </message>
    </context>
    <context>
        <name>ViewBox</name>
        <message>
            <location filename="../../pyqtgraph/graphicsItems/ViewBox/ViewBoxMenu.py" />
            <source>ViewBox options</source>
            <translation>视图选项</translation>
        </message>
        <message>
            <location filename="../../pyqtgraph/graphicsItems/ViewBox/ViewBoxMenu.py" />
            <source>View All</source>
            <translation>显示全部</translation>
        </message>
        <message>
            <location filename="../../pyqtgraph/graphicsItems/ViewBox/ViewBoxMenu.py" />
            <source>Mouse Mode</source>
            <translation>鼠标模式</translation>
        </message>
        <message>
            <location filename="../../pyqtgraph/graphicsItems/ViewBox/ViewBoxMenu.py" />
            <source>3 button</source>
            <translation>三键模式</translation>
        </message>
        <message>
            <location filename="../../pyqtgraph/graphicsItems/ViewBox/ViewBoxMenu.py" />
            <source>1 button</source>
            <translation>单键模式</translation>
        </message>
        <message>
            <location filename="../../pyqtgraph/graphicsItems/ViewBox/ViewBoxMenu.py" />
            <source>axis</source>
            <translation>轴</translation>
        </message>
    </context>
</TS>
