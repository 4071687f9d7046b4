<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>CoreMessages</name>
        <message>
            <location filename="../../cnnviz/commands/summary.py" />
            <source>A {shape} input for {name}</source>
            <translation>{name} 的 {shape} 输入</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/exemplars.py" />
            <source>{count} corrupt</source>
            <translation>{count} 张已损坏</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/exemplars.py" />
            <source>{count} too large</source>
            <translation>{count} 张太大</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/exemplars.py" />
            <source>{count} unreadable</source>
            <translation>{count} 张无法读取</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/exemplars.py" />
            <source>K (how many exemplars per channel) must be at least 1; got {k}.</source>
            <translation>K（每个通道的样例数）至少为 1；实际为 {k}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/exemplars.py" />
            <source>Choose at least one layer for the exemplar index.</source>
            <translation>请为样例索引至少选择一个层。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/exemplars.py" />
            <source>Batch size must be at least 1; got {size}.</source>
            <translation>批大小至少为 1；实际为 {size}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/exemplars.py" />
            <location filename="../../cnnviz/core/atlas/featvis.py" />
            <source>Unknown layer {layer!r}. Run `cnnviz summary MODEL` to list layers.</source>
            <translation>未知的层 {layer!r}。运行 `cnnviz summary MODEL` 可列出所有层。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/exemplars.py" />
            <source>Layer {layer!r} outputs {output}; exemplars need a layer whose output is channels × height × width (or one value per channel).</source>
            <translation>层 {layer!r} 的输出为 {output}；样例需要输出为 通道 × 高 × 宽（或每个通道一个值）的层。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/exemplars.py" />
            <source>Layer {layer!r} has channels 0 to {last}; got {channel}.</source>
            <translation>层 {layer!r} 的通道为 0 到 {last}；实际为 {channel}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/exemplars.py" />
            <source>Sort by 'activation' or 'channel', not {by!r}.</source>
            <translation>排序方式应为 'activation' 或 'channel'，而不是 {by!r}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/exemplars.py" />
            <source>{count} image indexed</source>
            <translation>已索引 {count} 张图像</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/exemplars.py" />
            <source>{count} images indexed</source>
            <translation>已索引 {count} 张图像</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/exemplars.py" />
            <source>partial: {done} of {total} visited</source>
            <translation>未完成：已访问 {total} 张中的 {done} 张</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/exemplars.py" />
            <source>skipped: {counts}</source>
            <translation>已跳过：{counts}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/exemplars.py" />
            <source>{count} grayscale converted to RGB</source>
            <translation>{count} 张灰度图已转换为 RGB</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/exemplars.py" />
            <source>Layer {layer!r} did not run (or gave no tensor) in the model's forward pass.</source>
            <translation>层 {layer!r} 在模型的前向传播中没有运行（或没有给出张量）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/exemplars.py" />
            <location filename="../../cnnviz/core/atlas/featvis.py" />
            <source>Unknown layer {layer!r}. Closest: {close}. Run `cnnviz summary MODEL` to list layers.</source>
            <translation>未知的层 {layer!r}。最接近的：{close}。运行 `cnnviz summary MODEL` 可列出所有层。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/exemplars.py" />
            <source>This index has no layer {layer!r}; it has {layers}.</source>
            <translation>这个索引中没有层 {layer!r}；它包含的层有 {layers}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/exemplars.py" />
            <source>image list and progress do not agree</source>
            <translation>图像列表与进度不一致</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/exemplars.py" />
            <source>The exemplar index {path} is damaged ({reason}).</source>
            <translation>样例索引 {path} 已损坏（{reason}）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/exemplars.py" />
            <source>not an exemplar index</source>
            <translation>不是样例索引</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/exemplars.py" />
            <source>a record points past the images visited</source>
            <translation>有记录指向尚未访问的图像</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/exemplars.py" />
            <source>a record's image has no name</source>
            <translation>有记录的图像没有名称</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/exemplars.py" />
            <source>The exemplar cache cannot be written ({reason}); the index is kept in memory only</source>
            <translation>无法写入样例缓存（{reason}）；索引仅保存在内存中</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/exemplars.py" />
            <location filename="../../cnnviz/core/attribution/targets.py" />
            <source>nothing</source>
            <translation>空</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/exemplars.py" />
            <source>records of {layer} have the wrong shape</source>
            <translation>{layer} 的记录形状不对</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/featvis.py" />
            <location filename="../../cnnviz/core/attribution/targets.py" />
            <source>{layer} channel {channel}</source>
            <translation>{layer} 通道 {channel}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/featvis.py" />
            <location filename="../../cnnviz/core/attribution/targets.py" />
            <source>class {index}</source>
            <translation>类别 {index}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/featvis.py" />
            <location filename="../../cnnviz/core/attribution/targets.py" />
            <source>{layer} channel {channel} at ({y}, {x})</source>
            <translation>{layer} 通道 {channel}，位置 ({y}, {x})</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/featvis.py" />
            <source>Preset must be 2015 or 2017, not {preset!r}.</source>
            <translation>预设必须是 2015 或 2017，而不是 {preset!r}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/featvis.py" />
            <source>Layer {layer!r} has {channels} channels; channel {channel} does not exist.</source>
            <translation>层 {layer!r} 有 {channels} 个通道；通道 {channel} 不存在。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/featvis.py" />
            <source>Layer {layer!r} is {shape} per channel; unit {unit} is outside.</source>
            <translation>层 {layer!r} 每个通道的大小为 {shape}；单元 {unit} 超出范围。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/featvis.py" />
            <source>Choose a layer and a channel (or a class) to visualise.</source>
            <translation>请选择要可视化的层和通道（或类别）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/featvis.py" />
            <source>Channel must be 0 or more; got {channel}.</source>
            <translation>通道必须 ≥ 0；实际为 {channel}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/featvis.py" />
            <source>Unit position must be 0 or more; got {unit}.</source>
            <translation>单元位置必须 ≥ 0；实际为 {unit}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/featvis.py" />
            <source>Steps must be 1 to 100000; got {steps}.</source>
            <translation>步数必须在 1 到 100000 之间；实际为 {steps}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/featvis.py" />
            <source>Learning rate must be a positive number; got {lr}.</source>
            <translation>学习率必须是正数；实际为 {lr}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/featvis.py" />
            <source>Image size must be 8 to 2048 pixels; got {size}.</source>
            <translation>图像尺寸必须在 8 到 2048 像素之间；实际为 {size}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/featvis.py" />
            <source>decay must be in [0, 1); got {decay}.</source>
            <translation>decay 必须在 [0, 1) 之间；实际为 {decay}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/featvis.py" />
            <source>The model has {outputs} outputs; class {index} does not exist.</source>
            <translation>模型有 {outputs} 个输出；类别 {index} 不存在。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/featvis.py" />
            <source>Layer {layer!r} did not run in the model's forward pass.</source>
            <translation>层 {layer!r} 在模型的前向传播中没有运行。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/featvis.py" />
            <source>The model returned no tensor.</source>
            <translation>模型没有返回张量。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/featvis.py" />
            <source>A class target takes no layer, channel or unit.</source>
            <translation>类别目标不需要层、通道或单元。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/featvis.py" />
            <source>Class index must be 0 or more; got {index}.</source>
            <translation>类别索引必须 ≥ 0；实际为 {index}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/featvis.py" />
            <source>{name} must be a percentage in [0, 100); got {value}.</source>
            <translation>{name} 必须是 [0, 100) 之间的百分数；实际为 {value}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/sources.py" />
            <source>Images must be N×H×W, N×H×W×C or N×C×H×W with 1 or 3 channels; got {shape}.</source>
            <translation>图像必须是 N×H×W、N×H×W×C 或 N×C×H×W，且有 1 或 3 个通道；实际为 {shape}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/sources.py" />
            <source>{text!r} is neither an image folder nor a dataset name. Datasets: {names}; or torchvision:CLASS for one already on disk.</source>
            <translation>{text!r} 既不是图像文件夹，也不是数据集名称。数据集有：{names}；或用 torchvision:CLASS 指定已在磁盘上的数据集。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/sources.py" />
            <source>Images must be 8-bit (uint8); got {dtype}.</source>
            <translation>图像必须是 8 位（uint8）；实际为 {dtype}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/sources.py" />
            <source>Split must be 'train' or 'val', not {split!r}.</source>
            <translation>划分必须是 'train' 或 'val'，而不是 {split!r}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/sources.py" />
            <source>The {split} split of {name} has no images.</source>
            <translation>{name} 的 {split} 划分中没有图像。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/sources.py" />
            <source>{id}: unsupported image shape {shape}</source>
            <translation>{id}：不支持的图像形状 {shape}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/sources.py" />
            <source>torchvision has no dataset {name!r}. Known: {known} …</source>
            <translation>torchvision 中没有数据集 {name!r}。可用的有：{known} …</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/sources.py" />
            <source>{path}: {reason}</source>
            <translation>{path}：{reason}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/sources.py" />
            <source>{path}: {width}×{height} is over {limit:,} pixels</source>
            <translation>{path}：{width}×{height} 超过 {limit:,} 像素</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/sources.py" />
            <location filename="../../cnnviz/core/training/datasets.py" />
            <source>The image folder {folder} does not exist.</source>
            <translation>图像文件夹 {folder} 不存在。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/sources.py" />
            <source>No image files in {folder} (looked for {suffixes}).</source>
            <translation>{folder} 中没有图像文件（查找的扩展名：{suffixes}）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/sources.py" />
            <source>{id}: pixels of type {dtype} are not 8-bit</source>
            <translation>{id}：{dtype} 类型的像素不是 8 位</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/sources.py" />
            <source>torchvision {name} ({split}) is not on disk in {folder} ({reason}). cnnviz reads it from there and does not download it for exemplars.</source>
            <translation>torchvision {name}（{split}）不在磁盘上的 {folder} 中（{reason}）。cnnviz 从那里读取它，不会为样例下载它。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/sources.py" />
            <source>{path}: too many pixels</source>
            <translation>{path}：像素太多</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/sources.py" />
            <source>{path}: not a readable image</source>
            <translation>{path}：不是可读取的图像</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/sources.py" />
            <source>No image {id!r} in {name}.</source>
            <translation>{name} 中没有图像 {id!r}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/atlas/sources.py" />
            <source>{id}: {type}: {reason}</source>
            <translation>{id}：{type}：{reason}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/cam.py" />
            <source>1 forward + 1 backward to the layer (shared by the whole CAM family)</source>
            <translation>1 次前向 + 1 次反向传播到该层（整个 CAM 家族共用）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/cam.py" />
            <source>1 forward pass (no gradient; the map does not depend on the target)</source>
            <translation>1 次前向传播（不求梯度；图与目标类别无关）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/cam.py" />
            <source>1 forward pass per channel of the layer (batched)</source>
            <translation>该层每个通道 1 次前向传播（批量进行）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/gradients.py" />
            <source>Saliency</source>
            <translation>显著图</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/gradients.py" />
            <source>1 forward + 1 backward (shared)</source>
            <translation>1 次前向 + 1 次反向传播（共用）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/gradients.py" />
            <source>Gradient × input</source>
            <translation>梯度 × 输入</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/gradients.py" />
            <source>Guided backprop</source>
            <translation>导向反向传播</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/gradients.py" />
            <source>1 backward (shares the forward pass)</source>
            <translation>1 次反向传播（共用前向传播）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/gradients.py" />
            <source>Deconvnet</source>
            <translation>反卷积网络</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/gradients.py" />
            <source>one forward + backward per sample (batched)</source>
            <translation>每个样本 1 次前向 + 反向传播（批量进行）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/gradients.py" />
            <source>Integrated Gradients</source>
            <translation>积分梯度</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/gradients.py" />
            <source>one forward + backward per step (batched), plus one forward of the baseline</source>
            <translation>每一步 1 次前向 + 反向传播（批量进行），另加基线的 1 次前向传播</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/occlusion.py" />
            <source>Occlusion</source>
            <translation>遮挡</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/occlusion.py" />
            <source>one forward pass per square position (batched)</source>
            <translation>遮挡方块每个位置 1 次前向传播（批量进行）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/registry.py" />
            <source>{method}: option {option!r} must be one of {choices}; got {value!r}.</source>
            <translation>{method}：选项 {option!r} 必须是 {choices} 之一；实际为 {value!r}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/registry.py" />
            <source>{method}: option {option!r} must be &lt;= {high:g}; got {value!r}.</source>
            <translation>{method}：选项 {option!r} 必须 &lt;= {high:g}；实际为 {value!r}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/registry.py" />
            <source>Unknown attribution method {name!r}. Available: {available}.</source>
            <translation>未知的归因方法 {name!r}。可用的有：{available}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/registry.py" />
            <source>{method}: option {option!r} expects {type}, got {value!r}.</source>
            <translation>{method}：选项 {option!r} 需要 {type}，实际为 {value!r}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/registry.py" />
            <source>{method}: option {option!r} must be &gt;= {low:g} and &lt;= {high:g}; got {value!r}.</source>
            <translation>{method}：选项 {option!r} 必须 &gt;= {low:g} 且 &lt;= {high:g}；实际为 {value!r}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/registry.py" />
            <source>{method}: option {option!r} must be &gt;= {low:g}; got {value!r}.</source>
            <translation>{method}：选项 {option!r} 必须 &gt;= {low:g}；实际为 {value!r}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/registry.py" />
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/registry.py" />
            <source>{method}: unknown option {option!r} (options: {names}).</source>
            <translation>{method}：未知选项 {option!r}（可用选项：{names}）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/registry.py" />
            <source>Unknown attribution method {name!r}. Available: {available}. Did you mean {close}?</source>
            <translation>未知的归因方法 {name!r}。可用的有：{available}。您是不是要找 {close}？</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/targets.py" />
            <source>Not a target: {value!r}.</source>
            <translation>不是有效的目标：{value!r}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/targets.py" />
            <source>Unknown target {text!r}: give 'top', a class index or a class name of this model.</source>
            <translation>未知的目标 {text!r}：请给出 'top'、类别索引或这个模型的类别名称。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/targets.py" />
            <source>top class</source>
            <translation>最高分类别</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/targets.py" />
            <source>Expected unit:LAYER:CHANNEL or unit:LAYER:CHANNEL:Y:X, got {text!r}.</source>
            <translation>应为 unit:LAYER:CHANNEL 或 unit:LAYER:CHANNEL:Y:X，实际为 {text!r}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/targets.py" />
            <source>class {index} ({name})</source>
            <translation>类别 {index}（{name}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/targets.py" />
            <source>{what} holds NaN or infinite values on this image, so no attribution can be computed (check the weights and the input).</source>
            <translation>{what}在这张图像上含有 NaN 或无穷大的值，因此无法计算归因（请检查权重和输入）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/targets.py" />
            <source>A unit needs both y and x, or neither (the channel's mean).</source>
            <translation>单元需要同时给出 y 和 x，或者都不给（取通道的均值）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/targets.py" />
            <source>Channel {channel} is out of range for layer {layer!r} (output {shape}).</source>
            <translation>通道 {channel} 超出层 {layer!r} 的范围（输出为 {shape}）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/targets.py" />
            <source>Layer {layer!r} has no spatial output ({shape}); give only a channel.</source>
            <translation>层 {layer!r} 没有空间维度的输出（{shape}）；请只给出通道。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/targets.py" />
            <source>Position ({y}, {x}) is outside layer {layer!r}'s {height}×{width} map.</source>
            <translation>位置 ({y}, {x}) 超出层 {layer!r} 的 {height}×{width} 特征图。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/targets.py" />
            <source>Explaining a class needs a model that outputs class scores [N, classes]; this one gives {got}. Pick a unit of a layer as the target instead.</source>
            <translation>解释类别需要模型输出类别分数 [N, classes]；这个模型输出的是 {got}。请改为选择某层的一个单元作为目标。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/targets.py" />
            <source>The model's output</source>
            <translation>模型的输出</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/targets.py" />
            <source>Class {index} is out of range: the model has {count} classes (0 to {last}).</source>
            <translation>类别 {index} 超出范围：模型有 {count} 个类别（0 到 {last}）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/targets.py" />
            <source>Layer {layer!r} did not run in this forward pass.</source>
            <translation>层 {layer!r} 在这次前向传播中没有运行。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/attribution/targets.py" />
            <source>The target unit's activation</source>
            <translation>目标单元的激活值</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/device.py" />
            <source>Unsupported device {device!r} (devices: {devices}).</source>
            <translation>不支持的设备 {device!r}（可用设备：{devices}）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/device.py" />
            <source>{device} ran out of memory; computing on the CPU instead.</source>
            <translation>{device} 内存不足；改用 CPU 计算。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/device.py" />
            <source>Unknown device {device!r}; use auto, cpu, cuda, cuda:N or mps.</source>
            <translation>未知设备 {device!r}；请使用 auto、cpu、cuda、cuda:N 或 mps。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/device.py" />
            <source>CUDA is not available on this machine (devices: {devices}).</source>
            <translation>这台机器上没有可用的 CUDA（可用设备：{devices}）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/device.py" />
            <source>There is no cuda:{index} (devices: {devices}).</source>
            <translation>没有 cuda:{index}（可用设备：{devices}）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/device.py" />
            <source>Apple MPS is not available on this machine (devices: {devices}).</source>
            <translation>这台机器上没有可用的苹果 MPS（可用设备：{devices}）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/explain/sliding.py" />
            <source>{name} must be channels × height × width, got shape {shape}.</source>
            <translation>{name}必须是 通道 × 高 × 宽，实际形状为 {shape}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/explain/sliding.py" />
            <source>{name} must be between 1 and {most} cells per side, got {shape}.</source>
            <translation>{name}每边必须有 1 到 {most} 个格子，实际为 {shape}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/explain/sliding.py" />
            <source>The input</source>
            <translation>输入</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/explain/sliding.py" />
            <source>The kernel must be C_out × C × F × F, got shape {shape}.</source>
            <translation>卷积核必须是 C_out × C × F × F，实际形状为 {shape}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/explain/sliding.py" />
            <source>The kernel has {kernel} channels but the input has {input}: a kernel always spans every input channel.</source>
            <translation>卷积核有 {kernel} 个通道，但输入有 {input} 个：卷积核总是覆盖所有输入通道。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/explain/sliding.py" />
            <source>Need one bias per filter ({filters}), got {biases}.</source>
            <translation>每个滤波器需要一个偏置（{filters} 个），实际为 {biases} 个。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/explain/sliding.py" />
            <source>Pooling is 'max' or 'avg', not {mode!r}.</source>
            <translation>池化方式应为 'max' 或 'avg'，而不是 {mode!r}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/explain/sliding.py" />
            <source>Average pooling has no dilation (D must be 1).</source>
            <translation>平均池化没有膨胀（D 必须为 1）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/explain/sliding.py" />
            <source>Padding P = {padding} is more than half the window F = {kernel}: some windows would see only padding. PyTorch requires P ≤ F / 2 for pooling.</source>
            <translation>填充 P = {padding} 超过窗口 F = {kernel} 的一半：有些窗口只会看到填充。PyTorch 要求池化满足 P ≤ F / 2。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/explain/sliding.py" />
            <source>The 1×1 kernel has {kernel} input channels, the input {input}.</source>
            <translation>1×1 卷积核有 {kernel} 个输入通道，而输入有 {input} 个。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/explain/sliding.py" />
            <source>Pixel ({y}, {x}) is outside the {height}×{width} input.</source>
            <translation>像素 ({y}, {x}) 超出 {height}×{width} 的输入。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/explain/unit_arithmetic.py" />
            <source>Conv2d, MaxPool2d, AvgPool2d, AdaptiveAvgPool2d, AdaptiveMaxPool2d or Linear</source>
            <translation>Conv2d、MaxPool2d、AvgPool2d、AdaptiveAvgPool2d、AdaptiveMaxPool2d 或 Linear</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/explain/unit_arithmetic.py" />
            <source>Explain one image at a time: the input must be [1, C, H, W], not {shape}.</source>
            <translation>一次只能解释一张图像：输入必须是 [1, C, H, W]，而不是 {shape}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/explain/unit_arithmetic.py" />
            <source>{layer} did not run on this input, so none of its units can be explained.</source>
            <translation>{layer} 没有在这个输入上运行，因此无法解释它的任何单元。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/explain/unit_arithmetic.py" />
            <source>{layer} is a {type}: pick a {supported} layer, or a BatchNorm or activation right after one.</source>
            <translation>{layer} 是 {type}：请选择 {supported} 层，或紧跟其后的 BatchNorm 或激活层。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/explain/unit_arithmetic.py" />
            <source>The layer {layer} did not run, or its output is not the output of one layer inside it; pick a {supported} layer.</source>
            <translation>层 {layer} 没有运行，或者它的输出不是其内部某一层的输出；请选择 {supported} 层。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/explain/unit_arithmetic.py" />
            <source>No {supported} layer runs right before {layer}.</source>
            <translation>{layer} 之前没有紧邻运行的 {supported} 层。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/explain/unit_arithmetic.py" />
            <source>{layer} keeps no running statistics (it normalises with each batch's own), so one unit's value cannot be written out alone.</source>
            <translation>{layer} 不保存运行统计量（它用每个批次自身的统计量归一化），因此无法单独写出一个单元的值。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/explain/unit_arithmetic.py" />
            <source>{layer} gets an input shaped {shape}; only [1, features] inputs of a Linear layer can be explained.</source>
            <translation>{layer} 的输入形状为 {shape}；只能解释输入为 [1, features] 的 Linear 层。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/explain/unit_arithmetic.py" />
            <source>The block {layer} did not run, or its output is not the output of one layer inside it; pick a {supported} layer.</source>
            <translation>模块 {layer} 没有运行，或者它的输出不是其内部某一层的输出；请选择 {supported} 层。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/explain/unit_arithmetic.py" />
            <source>{layer} is not computed from a {supported} layer right before it (only BatchNorm and activations may come in between); pick that layer instead.</source>
            <translation>{layer} 不是由紧邻其前的 {supported} 层计算得到的（中间只能有 BatchNorm 和激活层）；请改选那一层。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/explain/unit_arithmetic.py" />
            <source>{layer}'s output is {channels}×{height}×{width}: channel 0…{last_channel}, y 0…{last_y} and x 0…{last_x}, not channel {channel}, y {y}, x {x}.</source>
            <translation>{layer} 的输出为 {channels}×{height}×{width}：通道 0…{last_channel}、y 0…{last_y}、x 0…{last_x}，而不是通道 {channel}、y {y}、x {x}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/explain/unit_arithmetic.py" />
            <source>Only outputs shaped [N, C, H, W] or [N, F] can be explained, not {shape}.</source>
            <translation>只能解释形状为 [N, C, H, W] 或 [N, F] 的输出，而不是 {shape}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/explain/unit_arithmetic.py" />
            <source>{layer} has {outputs} outputs (0…{last}, y = x = 0), not channel {channel}, y {y}, x {x}.</source>
            <translation>{layer} 有 {outputs} 个输出（0…{last}，y = x = 0），而不是通道 {channel}、y {y}、x {x}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/footprint.py" />
            <source>The model cannot take a {shape} input: layer '{layer}' ({type}) received shape {got}: {reason}.</source>
            <translation>模型无法接受 {shape} 的输入：层 '{layer}'（{type}）收到的形状为 {got}：{reason}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/footprint.py" />
            <source>a shape error</source>
            <translation>形状错误</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/footprint.py" />
            <source>The model cannot take a {shape} input: {reason}</source>
            <translation>模型无法接受 {shape} 的输入：{reason}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/footprint.py" />
            <source>it expects {expected} input channel, got {got}</source>
            <translation>它需要 {expected} 个输入通道，实际收到 {got} 个</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/footprint.py" />
            <source>it expects {expected} input channels, got {got}</source>
            <translation>它需要 {expected} 个输入通道，实际收到 {got} 个</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/footprint.py" />
            <source>it expects {expected} input features, got {got}</source>
            <translation>它需要 {expected} 个输入特征，实际收到 {got} 个</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/footprint.py" />
            <source>{what} needs about {needed}; {device} has {free} free.</source>
            <translation>{what}约需 {needed}；{device} 只有 {free} 可用。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/footprint.py" />
            <source>{what} needs about {needed}; this computer has {free} free.</source>
            <translation>{what}约需 {needed}；这台计算机只有 {free} 可用。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>PNG, JPEG, BMP, TIFF or WebP</source>
            <translation>PNG、JPEG、BMP、TIFF 或 WebP</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>The image data</source>
            <translation>图像数据</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>{width}×{height} = {pixels:,} pixels</source>
            <translation>{width}×{height} = {pixels:,} 像素</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>{label} is too large ({size}); cnnviz accepts images up to {limit:,} pixels ({megapixels} megapixels). Downscale it first.</source>
            <translation>{label} 太大（{size}）；cnnviz 接受的图像最多 {limit:,} 像素（{megapixels} 百万像素）。请先缩小图像。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>{label} is not an image cnnviz can read ({supported}): {why}.</source>
            <translation>{label} 不是 cnnviz 能读取的图像（{supported}）：{why}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>{label} is empty (0 bytes): it holds no image.</source>
            <translation>{label} 是空的（0 字节）：其中没有图像。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>The image is very small ({width}×{height} px): the model will see it enlarged, with almost no detail.</source>
            <translation>图像非常小（{width}×{height} px）：模型看到的是放大后的图像，几乎没有细节。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>{pixels:,} pixels</source>
            <translation>{pixels:,} 像素</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>more pixels than allowed</source>
            <translation>像素数超出上限</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>it looks like a text file, although its name ends in {suffix}</source>
            <translation>它看起来是文本文件，尽管文件名以 {suffix} 结尾</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>its content is not image data, although its name ends in {suffix}</source>
            <translation>其内容不是图像数据，尽管文件名以 {suffix} 结尾</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>it looks like a text file</source>
            <translation>它看起来是文本文件</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>its content is not image data</source>
            <translation>其内容不是图像数据</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>{label} could not be decoded: the file is damaged or truncated (an interrupted download or copy?).</source>
            <translation>无法解码 {label}：文件已损坏或不完整（下载或复制被中断了？）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>{label} has an unsupported channel layout {shape}.</source>
            <translation>{label} 的通道布局 {shape} 不受支持。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>Model {name!r} expects {channels} input channels; cnnviz can feed images only to models with 1 (grayscale) or 3 (RGB) input channels.</source>
            <translation>模型 {name!r} 需要 {channels} 个输入通道；cnnviz 只能把图像输入给有 1 个（灰度）或 3 个（彩色）输入通道的模型。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>{label} is a truncated JPEG: the file ends before the image data does (an interrupted download or copy?). Re-download or re-save it.</source>
            <translation>{label} 是不完整的 JPEG：文件在图像数据结束之前就结束了（下载或复制被中断了？）。请重新下载或重新保存它。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>{label} does not fit in memory once decoded.</source>
            <translation>{label} 解码后内存放不下。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>{label} could not be read as an image: {reason}</source>
            <translation>{label} 无法作为图像读取：{reason}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>{label} is damaged or truncated: its header could not be read ({reason}).</source>
            <translation>{label} 已损坏或不完整：无法读取其文件头（{reason}）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>{label} is a {format} image; cnnviz reads {supported}. Convert it to PNG first.</source>
            <translation>{label} 的格式是 {format}；cnnviz 能读取 {supported}。请先把它转换为 PNG。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>{label} has no pixels ({width}×{height}).</source>
            <translation>{label} 没有像素（{width}×{height}）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>{label} could not be decoded: the file is damaged or truncated ({reason}).</source>
            <translation>无法解码 {label}：文件已损坏或不完整（{reason}）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>Transparent areas were filled with white.</source>
            <translation>透明区域已填充为白色。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>The 16-bit data only uses {bits} bits; it was scaled from 0–{top}.</source>
            <translation>这份 16 位数据只用到了 {bits} 位；已按 0–{top} 的范围缩放。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>Integer values from {low:g} to {high:g} were stretched to 0–255.</source>
            <translation>从 {low:g} 到 {high:g} 的整数值已拉伸到 0–255。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>Floating-point values from {low:g} to {high:g} were stretched to 0–255.</source>
            <translation>从 {low:g} 到 {high:g} 的浮点数值已拉伸到 0–255。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/images.py" />
            <source>unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/lesson_file.py" />
            <source>The file was not changed.</source>
            <translation>文件未被改动。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/lesson_file.py" />
            <source>{name} is not a cnnviz lesson (it lacks the kind / version / data fields)</source>
            <translation>{name} 不是 cnnviz 课程（缺少 kind / version / data 字段）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/lesson_file.py" />
            <source>{name} is a “{kind}” file, not a cnnviz lesson</source>
            <translation>{name} 是“{kind}”文件，不是 cnnviz 课程</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/lesson_file.py" />
            <source>{name} was saved by a newer cnnviz (lesson format {version}; this one reads up to {supported})</source>
            <translation>{name} 由更新版本的 cnnviz 保存（课程格式 {version}；本版本最多读取到 {supported}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/lesson_file.py" />
            <source>{name} is too large to be a lesson ({size:.0f} MB; at most {limit:.0f} GB). {unchanged}</source>
            <translation>{name} 太大，不可能是课程（{size:.0f} MB；最多 {limit:.0f} GB）。{unchanged}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/lesson_file.py" />
            <source>{name} is too large to be a lesson in the old (JSON) format. {unchanged}</source>
            <translation>{name} 太大，不可能是旧（JSON）格式的课程。{unchanged}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/lesson_file.py" />
            <source>{name} holds too many files to be a lesson. {unchanged}</source>
            <translation>{name} 包含的文件太多，不可能是课程。{unchanged}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/lesson_file.py" />
            <source>{name} would unpack to {size:.1f} GB, more than a lesson may hold. {unchanged}</source>
            <translation>{name} 解压后将有 {size:.1f} GB，超过课程允许的大小。{unchanged}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/lesson_file.py" />
            <source>{name} is not a cnnviz lesson (it has no {member}). {unchanged}</source>
            <translation>{name} 不是 cnnviz 课程（其中没有 {member}）。{unchanged}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/lesson_file.py" />
            <source>{name} is damaged: its {member} is too large. {unchanged}</source>
            <translation>{name} 已损坏：其中的 {member} 太大。{unchanged}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/lesson_file.py" />
            <source>an archive member is not the size it declares</source>
            <translation>压缩包中有成员的大小与其声明的不符</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/lesson_file.py" />
            <source>{reason}. {unchanged}</source>
            <translation>{reason}。{unchanged}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/lesson_file.py" />
            <source>{name} is damaged: its version is not a whole number. {unchanged}</source>
            <translation>{name} 已损坏：其版本号不是整数。{unchanged}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/lesson_file.py" />
            <source>{reason}. Update cnnviz to open it. {unchanged}</source>
            <translation>{reason}。请更新 cnnviz 后再打开。{unchanged}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/lesson_file.py" />
            <source>{name} is damaged: its content is not a lesson. {unchanged}</source>
            <translation>{name} 已损坏：其内容不是课程。{unchanged}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/lesson_file.py" />
            <source>{path} is read-only.</source>
            <translation>{path} 是只读的。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/lesson_file.py" />
            <source>{path} cannot be read: {reason}.</source>
            <translation>无法读取 {path}：{reason}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/lesson_file.py" />
            <source>{name} is damaged or is not a lesson file (it is not valid JSON). {unchanged}</source>
            <translation>{name} 已损坏或不是课程文件（不是有效的 JSON）。{unchanged}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/lesson_file.py" />
            <source>{name} is damaged (its archive cannot be read). {unchanged}</source>
            <translation>{name} 已损坏（无法读取其压缩包）。{unchanged}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/lesson_file.py" />
            <source>{name} is damaged (an archive member cannot be read). {unchanged}</source>
            <translation>{name} 已损坏（无法读取压缩包中的成员）。{unchanged}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/lesson_file.py" />
            <source>The lesson cannot be saved: a tab's state is not plain data ({reason}).</source>
            <translation>无法保存课程：某个标签页的状态不是普通数据（{reason}）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/lesson_file.py" />
            <source>The lesson was not saved: {reason}</source>
            <translation>课程未保存：{reason}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/lesson_file.py" />
            <source>The lesson was not saved to {path}: {reason}.</source>
            <translation>课程未保存到 {path}：{reason}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/lesson_file.py" />
            <source>{path} was not overwritten: {reason}.</source>
            <translation>{path} 未被覆盖：{reason}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/lesson_file.py" />
            <source>{name} is damaged: an attachment does not match its checksum. {unchanged}</source>
            <translation>{name} 已损坏：有附件与其校验和不符。{unchanged}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/_api.py" />
            <source>Unknown model {name!r}. Run `cnnviz models` to list them.</source>
            <translation>未知模型 {name!r}。运行 `cnnviz models` 可列出所有模型。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/_api.py" />
            <source>Unknown model {name!r}. Did you mean: {names}?</source>
            <translation>未知模型 {name!r}。你是不是要找：{names}？</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/arguments.py" />
            <source>a whole number</source>
            <translation>整数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/arguments.py" />
            <source>a number</source>
            <translation>数字</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/arguments.py" />
            <source>true or false</source>
            <translation>true 或 false</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/arguments.py" />
            <source>text</source>
            <translation>文本</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/arguments.py" />
            <source>the model would not fit in memory</source>
            <translation>模型放不进内存</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/arguments.py" />
            <source>with {arguments}</source>
            <translation>参数 {arguments}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/arguments.py" />
            <source>with these arguments</source>
            <translation>这些参数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/arguments.py" />
            <source>{model} cannot be built {what}: {reason}.</source>
            <translation>无法用{what}构建 {model}：{reason}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/arguments.py" />
            <source>(unknown)</source>
            <translation>（未知）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/arguments.py" />
            <source>{first} or {second}</source>
            <translation>{first}或{second}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/arguments.py" />
            <source>{model} cannot be built {what}: {reason}. It takes: {takes}.</source>
            <translation>无法用{what}构建 {model}：{reason}。它接受：{takes}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/arguments.py" />
            <source>{model} with {arguments} would have {count:,} parameters ({size}); this computer has {free} free.</source>
            <translation>参数为 {arguments} 的 {model} 将有 {count:,} 个参数（{size}）；这台计算机只有 {free} 可用。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/arguments.py" />
            <source>{argument!r} is not a model argument: the random weights' seed is set on its own (--seed on the command line, the seed box in the window).</source>
            <translation>{argument!r} 不是模型参数：随机权重的种子单独设置（命令行用 --seed，窗口里用“种子”框）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/arguments.py" />
            <source>{model} has no argument {argument!r}. It takes: {takes}.</source>
            <translation>{model} 没有参数 {argument!r}。它接受：{takes}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/arguments.py" />
            <source>{model}'s argument {argument} must be {expected}, got {type} {value}.</source>
            <translation>{model} 的参数 {argument} 必须是{expected}，实际收到 {type} {value}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/custom.py" />
            <source>{spec} is not declared to return a torch.nn.Module, so cnnviz will not call it. Name an nn.Module class, or annotate the factory's return type (-&gt; nn.Module).</source>
            <translation>{spec} 未声明返回 torch.nn.Module，因此 cnnviz 不会调用它。请指定一个 nn.Module 类，或为工厂函数标注返回类型（-&gt; nn.Module）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/custom.py" />
            <source>{target} has no {attr!r}. It defines: {names}</source>
            <translation>{target} 中没有 {attr!r}。它定义了：{names}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/custom.py" />
            <source>{spec} is the class {name}, not a torch.nn.Module.</source>
            <translation>{spec} 是类 {name}，不是 torch.nn.Module。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/custom.py" />
            <source>{spec} is not callable, so it cannot build a model.</source>
            <translation>{spec} 不可调用，因此无法构建模型。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/custom.py" />
            <source>{spec} returned {type}, not a torch.nn.Module.</source>
            <translation>{spec} 返回的是 {type}，不是 torch.nn.Module。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/custom.py" />
            <source>{spec}.input_shape must be (C, H, W), got {shape}</source>
            <translation>{spec}.input_shape 必须是 (C, H, W)，实际为 {shape}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/custom.py" />
            <source>Model file not found: {path}</source>
            <translation>找不到模型文件：{path}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/custom.py" />
            <source>Cannot import {path} as Python.</source>
            <translation>无法将 {path} 作为 Python 导入。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/custom.py" />
            <source>Building {spec} failed: {type}: {reason}</source>
            <translation>构建 {spec} 失败：{type}：{reason}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/custom.py" />
            <source>Importing {path} failed: {type}: {reason}</source>
            <translation>导入 {path} 失败：{type}：{reason}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/custom.py" />
            <source>Cannot import module {module!r}: {type}: {reason}</source>
            <translation>无法导入模块 {module!r}：{type}：{reason}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/onnx.py" />
            <source>Opening ONNX files needs the optional extra: pip install cnnviz[onnx]</source>
            <translation>打开 ONNX 文件需要安装可选组件：pip install cnnviz[onnx]</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/onnx.py" />
            <source>{name} holds no ONNX graph.</source>
            <translation>{name} 中没有 ONNX 计算图。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/onnx.py" />
            <source>The ONNX graph has no input.</source>
            <translation>该 ONNX 计算图没有输入。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/onnx.py" />
            <source>The ONNX model's input {input!r} has {count} axes {dims}; cnnviz opens image classifiers with a 4-axis input (N, C, H, W or N, H, W, C).</source>
            <translation>ONNX 模型的输入 {input!r} 有 {count} 个轴 {dims}；cnnviz 只能打开输入为 4 个轴（N, C, H, W 或 N, H, W, C）的图像分类器。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/onnx.py" />
            <source>{name} uses ONNX operators cnnviz cannot convert to PyTorch: {operators}.</source>
            <translation>{name} 使用了 cnnviz 无法转换为 PyTorch 的 ONNX 算子：{operators}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/onnx.py" />
            <source>{key} must be one of {allowed}, got {value!r}.</source>
            <translation>{key} 必须是 {allowed} 之一，实际为 {value!r}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/onnx.py" />
            <source>ONNX file not found: {path}</source>
            <translation>找不到 ONNX 文件：{path}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/onnx.py" />
            <source>{path} is a folder, not an ONNX file.</source>
            <translation>{path} 是文件夹，不是 ONNX 文件。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/onnx.py" />
            <source>Cannot open {path}: {reason}</source>
            <translation>无法打开 {path}：{reason}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/onnx.py" />
            <source>{path} is not a regular file; cnnviz reads models only from regular files.</source>
            <translation>{path} 不是普通文件；cnnviz 只从普通文件读取模型。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/onnx.py" />
            <source>{name} is {size:.1f} GiB; cnnviz reads at most {limit:.0f} GiB.</source>
            <translation>{name} 有 {size:.1f} GiB；cnnviz 最多读取 {limit:.0f} GiB。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/onnx.py" />
            <source>{name} is empty (0 bytes).</source>
            <translation>{name} 是空的（0 字节）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/onnx.py" />
            <source>The model's external data {location!r} is not a file inside the model's folder; refused.</source>
            <translation>模型的外部数据 {location!r} 不是模型文件夹中的文件；已拒绝。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/onnx.py" />
            <source>The model's external data {location!r} points outside the model's folder; refused.</source>
            <translation>模型的外部数据 {location!r} 指向模型文件夹之外；已拒绝。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/onnx.py" />
            <source>The model's external data {location!r} is not a regular file; refused.</source>
            <translation>模型的外部数据 {location!r} 不是普通文件；已拒绝。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/onnx.py" />
            <source>The model's external data exceed {limit:.0f} GiB; refused.</source>
            <translation>模型的外部数据超过 {limit:.0f} GiB；已拒绝。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/onnx.py" />
            <source>{name} is not an ONNX model (it could not be parsed).</source>
            <translation>{name} 不是 ONNX 模型（无法解析）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/onnx.py" />
            <source>Converting {name} to PyTorch failed: {reason}</source>
            <translation>将 {name} 转换为 PyTorch 失败：{reason}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/onnx.py" />
            <source>input_shape must be three positive integers C,H,W, got {value!r}</source>
            <translation>input_shape 必须是三个正整数 C,H,W，实际为 {value!r}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/onnx.py" />
            <source>The model's external data file {location!r} is missing next to the model.</source>
            <translation>模型旁边缺少外部数据文件 {location!r}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/onnx.py" />
            <source>Reading the external data of {name} failed: {reason}</source>
            <translation>读取 {name} 的外部数据失败：{reason}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/onnx.py" />
            <source>input_shape must be C,H,W, got {value!r}</source>
            <translation>input_shape 必须是 C,H,W，实际为 {value!r}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/timm_zoo.py" />
            <source>timm models need the optional extra: pip install cnnviz[timm]</source>
            <translation>timm 模型需要安装可选组件：pip install cnnviz[timm]</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/timm_zoo.py" />
            <source>Download {url} on a connected machine and put it at {path}.</source>
            <translation>请在联网的机器上下载 {url}，并放到 {path}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/timm_zoo.py" />
            <source>See timm's documentation (timm.models.{module}).</source>
            <translation>参见 timm 的文档（timm.models.{module}）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/timm_zoo.py" />
            <source>Download https://huggingface.co/{hub_id} on a connected machine (`huggingface-cli download {hub_id}`) and copy it into {folder}.</source>
            <translation>请在联网的机器上下载 https://huggingface.co/{hub_id}（`huggingface-cli download {hub_id}`），并复制到 {folder}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/timm_zoo.py" />
            <source>pretrained {tag} (timm)</source>
            <translation>预训练 {tag}（timm）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/timm_zoo.py" />
            <source>pretrained (timm)</source>
            <translation>预训练（timm）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/timm_zoo.py" />
            <source>timm has no model {name!r}.</source>
            <translation>timm 中没有模型 {name!r}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/timm_zoo.py" />
            <source>timm has no pretrained tag {name!r}.</source>
            <translation>timm 中没有预训练标签 {name!r}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/timm_zoo.py" />
            <source>timm has no pretrained weights for timm:{name}; use random weights.</source>
            <translation>timm 没有 timm:{name} 的预训练权重；请使用随机权重。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/timm_zoo.py" />
            <source>Cannot download the pretrained weights for timm:{name} (no network). {where}</source>
            <translation>无法下载 timm:{name} 的预训练权重（没有网络）。{where}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/timm_zoo.py" />
            <source>timm has no model {name!r}. Did you mean: {close}?</source>
            <translation>timm 中没有模型 {name!r}。您是不是要找：{close}？</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/timm_zoo.py" />
            <source>Building timm:{name} failed: {reason}</source>
            <translation>构建 timm:{name} 失败：{reason}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/models/timm_zoo.py" />
            <source>Cannot download the pretrained weights for timm:{name} ({reason}). {where}</source>
            <translation>无法下载 timm:{name} 的预训练权重（{reason}）。{where}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>not a regular file</source>
            <translation>特殊文件</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>Cannot write {what} {path}: {reason}.</source>
            <translation>无法写入{what} {path}：{reason}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>file</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>files</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>image file</source>
            <translation>图像文件</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>Image file</source>
            <translation>图像文件</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>image files</source>
            <translation>图像文件</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>weights file</source>
            <translation>权重文件</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>Weights file</source>
            <translation>权重文件</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>weights files</source>
            <translation>权重文件</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>lesson file</source>
            <translation>课程文件</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>Lesson file</source>
            <translation>课程文件</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>lesson files</source>
            <translation>课程文件</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>settings file</source>
            <translation>设置文件</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>Settings file</source>
            <translation>设置文件</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>settings files</source>
            <translation>设置文件</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>folders</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>output folder</source>
            <translation>输出文件夹</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>Output folder</source>
            <translation>输出文件夹</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>output folders</source>
            <translation>输出文件夹</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>a folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>a named pipe (FIFO)</source>
            <translation>命名管道</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>a device</source>
            <translation>设备文件</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>a socket</source>
            <translation>套接字</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>the name is longer than the file system allows</source>
            <translation>名称超出了文件系统允许的长度</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>it is a loop of symbolic links</source>
            <translation>它是符号链接构成的循环</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>Cannot use {what} {path}: {reason}.</source>
            <translation>无法使用{what} {path}：{reason}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>Cannot create {what} {path}: {reason}.</source>
            <translation>无法创建{what} {path}：{reason}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source> (a link to {target})</source>
            <translation>（链接到 {target}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>{path}{link} is {kind}, not a {what}; cnnviz reads only regular files.</source>
            <translation>{path}{link} 是{kind}，不是{what}；cnnviz 只读取普通文件。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>{path} is {size}; cnnviz reads {what} of at most {limit}.</source>
            <translation>{path} 的大小为 {size}；cnnviz 读取的{what}最大为 {limit}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source> ({path} is in the way)</source>
            <translation>（路径被 {path} 挡住）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>a file</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>Cannot use {what} {path}{where}: it is {kind}, not a folder.</source>
            <translation>无法使用{what} {path}{where}：它是{kind}，不是文件夹。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>{What} not found: {path}.</source>
            <translation>找不到{What}：{path}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>Cannot open {what} {path}: {reason}.</source>
            <translation>无法打开{what} {path}：{reason}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>{path} is {kind}, not a regular file.</source>
            <translation>{path} 是{kind}，不是普通文件。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>{count:,} bytes</source>
            <translation>{count:,} 字节</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>{count} bytes</source>
            <translation>{count} 字节</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>Cannot write {what} {path} (in {folder}): {reason}.</source>
            <translation>无法写入{what} {path}（位于 {folder}）：{reason}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>{path} is read-only; cnnviz does not replace it. Make it writable or choose another name.</source>
            <translation>{path} 是只读文件；cnnviz 不会替换它。请把它设为可写，或换一个文件名。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>Cannot write {what} {path}: {reason}</source>
            <translation>无法写入{what} {path}：{reason}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>Cannot write {what} {path}: {reason} (is it locked or immutable?).</source>
            <translation>无法写入{what} {path}：{reason}（该文件是否被锁定或设为不可修改？）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>Cannot read {what} {path}: {reason}.</source>
            <translation>无法读取{what} {path}：{reason}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>Cannot write {what} {path}{link}: it is {kind}, not a regular file; give a file name inside it.</source>
            <translation>无法写入{what} {path}{link}：它是{kind}，不是普通文件；请给出其中的一个文件名。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/safe_io.py" />
            <source>Cannot write {what} {path}{link}: it is {kind}, not a regular file.</source>
            <translation>无法写入{what} {path}{link}：它是{kind}，不是普通文件。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/settings_io.py" />
            <source>{path} is damaged: {reason}. {where} Defaults are used.</source>
            <translation>{path} 已损坏：{reason}。{where}将使用默认设置。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/settings_io.py" />
            <source>It was kept as {name}.</source>
            <translation>原文件已保留为 {name}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/settings_io.py" />
            <source>It could not be renamed and was left as it is.</source>
            <translation>无法重命名，已原样保留。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/settings_io.py" />
            <source>{path} is a {found!r} file, not {kind!r}. It was left as it is; defaults are used.</source>
            <translation>{path} 是 {found!r} 文件，不是 {kind!r}。已原样保留；将使用默认设置。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/settings_io.py" />
            <source>{path} cannot be read ({reason}). Defaults are used.</source>
            <translation>无法读取 {path}（{reason}）。将使用默认设置。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/settings_io.py" />
            <source>Cannot write {path}: {reason}.</source>
            <translation>无法写入 {path}：{reason}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/settings_io.py" />
            <source>Cannot save {name} as JSON: {reason}</source>
            <translation>无法将 {name} 保存为 JSON：{reason}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/settings_io.py" />
            <source>{path} was written by a newer cnnviz (format version {version}; this one writes version {supported}). It was not overwritten.</source>
            <translation>{path} 由更新版本的 cnnviz 写入（格式版本 {version}；本版本写入的是版本 {supported}）。未覆盖该文件。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/settings_io.py" />
            <source>{path} was written by a newer cnnviz (format version {version}; this one reads up to {supported}). It was left as it is; defaults are used and the file will not be overwritten.</source>
            <translation>{path} 由更新版本的 cnnviz 写入（格式版本 {version}；本版本最多读取到 {supported}）。已原样保留；将使用默认设置，且不会覆盖该文件。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/settings_io.py" />
            <source>it holds a JSON {type}, not an object</source>
            <translation>其中是 JSON {type}，而不是对象</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/settings_io.py" />
            <source>it lacks the kind / version / data fields</source>
            <translation>缺少 kind / version / data 字段</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/settings_io.py" />
            <source>its kind is not text</source>
            <translation>其 kind 不是文本</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/settings_io.py" />
            <source>its version {version!r} is not a positive whole number</source>
            <translation>其版本号 {version!r} 不是正整数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/settings_io.py" />
            <source>Cannot replace {path}: {reason}.</source>
            <translation>无法替换 {path}：{reason}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/settings_io.py" />
            <source>{path} holds a {found!r} file, not {kind!r}. It was not overwritten.</source>
            <translation>{path} 是 {found!r} 文件，不是 {kind!r}。未覆盖该文件。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/settings_io.py" />
            <source>it is not UTF-8 text</source>
            <translation>不是 UTF-8 文本</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/settings_io.py" />
            <source>it is not valid JSON ({reason})</source>
            <translation>不是有效的 JSON（{reason}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/settings_io.py" />
            <source>{path} cannot be read ({reason}); it was not overwritten.</source>
            <translation>无法读取 {path}（{reason}）；未覆盖该文件。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/settings_io.py" />
            <source>it could not be upgraded ({reason})</source>
            <translation>无法升级（{reason}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/config.py" />
            <source>epochs</source>
            <translation>epoch 数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/config.py" />
            <source>batch size</source>
            <translation>批大小</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/config.py" />
            <source>train limit</source>
            <translation>训练图像上限</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/config.py" />
            <source>val limit</source>
            <translation>验证图像上限</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/config.py" />
            <source>sharpness every</source>
            <translation>锐度估计间隔</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/config.py" />
            <source>sharpness probe</source>
            <translation>锐度探测批大小</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/config.py" />
            <source>{setting} must be a whole number ≥ 1, got {value!r}.</source>
            <translation>{setting}必须是 ≥ 1 的整数，实际为 {value!r}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/config.py" />
            <source>A run looks like adam:lr=1e-3 , got {text!r}.</source>
            <translation>一次运行的写法形如 adam:lr=1e-3，实际为 {text!r}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/config.py" />
            <source>A run needs a name.</source>
            <translation>每次运行都需要一个名称。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/config.py" />
            <source>Run {name!r}: batch size must be a whole number ≥ 1, got {value!r}.</source>
            <translation>运行 {name!r}：批大小必须是 ≥ 1 的整数，实际为 {value!r}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/config.py" />
            <source>Unknown run settings: {names}.</source>
            <translation>未知的运行设置：{names}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/config.py" />
            <source>Unknown loss {loss!r}. Known: {known}.</source>
            <translation>未知的损失函数 {loss!r}。可用的有：{known}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/config.py" />
            <source>The divergence factor must be above 1.</source>
            <translation>发散系数必须大于 1。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/config.py" />
            <source>Run {name!r}: {reason}</source>
            <translation>运行 {name!r}：{reason}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/config.py" />
            <source>Batch size must be a whole number, got {value!r} in run {run!r}.</source>
            <translation>批大小必须是整数，运行 {run!r} 中为 {value!r}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/datasets.py" />
            <source>Unknown dataset {name!r}. Known: {known}.</source>
            <translation>未知的数据集 {name!r}。可用的有：{known}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/datasets.py" />
            <source>{count} of {total} images were skipped: {parts}.</source>
            <translation>{total} 张图像中有 {count} 张被跳过：{parts}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/datasets.py" />
            <source>The image size must be a whole number from {low} to {high} pixels, got {value}.</source>
            <translation>图像尺寸必须是 {low} 到 {high} 像素之间的整数，实际为 {value}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/datasets.py" />
            <source>{count} of {total} images was skipped: {parts}.</source>
            <translation>{total} 张图像中有 {count} 张被跳过：{parts}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/datasets.py" />
            <source>{count:,} images of {size}×{size} pixels from {folder} need {needed} of memory; this computer has {free} free. Use a smaller --image-size or fewer images.</source>
            <translation>{folder} 中 {count:,} 张 {size}×{size} 像素的图像需要 {needed} 内存；这台计算机只有 {free} 可用。请使用更小的 --image-size 或更少的图像。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/datasets.py" />
            <source>Choose an image folder first (one sub-folder per class).</source>
            <translation>请先选择一个图像文件夹（每个类别一个子文件夹）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/datasets.py" />
            <source>{folder} is not a folder: choose the folder that holds one sub-folder per class.</source>
            <translation>{folder} 不是文件夹：请选择每个类别各有一个子文件夹的那个文件夹。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/datasets.py" />
            <source>{folder} has a {val}/ folder but no train/ folder: add train/ (one sub-folder per class), or put the class folders directly in the folder and 20% are held out automatically.</source>
            <translation>{folder} 中有 {val}/ 文件夹，但没有 train/ 文件夹：请添加 train/（每个类别一个子文件夹），或把类别文件夹直接放在该文件夹中，系统会自动留出 20% 用于验证。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/datasets.py" />
            <source>{folder} needs at least two classes: one sub-folder per class with images inside (or train/ and val/ folders laid out that way).</source>
            <translation>{folder} 至少需要两个类别：每个类别一个装有图像的子文件夹（或按此方式组织的 train/ 和 val/ 文件夹）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/datasets.py" />
            <source>No readable training image in {folder}.</source>
            <translation>{folder} 中没有可读取的训练图像。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/datasets.py" />
            <source>{names} and {count} more</source>
            <translation>{names} 等另外 {count} 个</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/datasets.py" />
            <source>The handwritten digits need scikit-learn: pip install scikit-learn</source>
            <translation>手写数字数据集需要 scikit-learn：pip install scikit-learn</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/datasets.py" />
            <source>Cannot download {title} ({reason}). If this computer is offline, copy the files {names} from {address}/ into the folder {folder} and try again.</source>
            <translation>无法下载 {title}（{reason}）。如果这台计算机没有联网，请从 {address}/ 获取文件 {names}，复制到文件夹 {folder} 后重试。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/datasets.py" />
            <source>{title} files in {folder} are incomplete or damaged ({reason}).</source>
            <translation>{folder} 中的 {title} 文件不完整或已损坏（{reason}）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/datasets.py" />
            <source>{names}, … {count} more</source>
            <translation>{names}，…另外 {count} 个</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/datasets.py" />
            <source>{count} unreadable or damaged ({names})</source>
            <translation>{count} 张无法读取或已损坏（{names}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/datasets.py" />
            <source>{count} over the {megapixels}-megapixel limit ({names})</source>
            <translation>{count} 张超过 {megapixels} 百万像素的上限（{names}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/datasets.py" />
            <source>{folder} has a {train}/ folder but no val/ folder: {fraction:.0%} of {train}/ is held out for validation.</source>
            <translation>{folder} 中有 {train}/ 文件夹，但没有 val/ 文件夹：将留出 {train}/ 中的 {fraction:.0%} 用于验证。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/datasets.py" />
            <source>No readable training image in {folder}. {skipped}</source>
            <translation>{folder} 中没有可读取的训练图像。{skipped}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/datasets.py" />
            <source>{count} class has no training image ({names}): the model cannot learn it.</source>
            <translation>{count} 个类别没有训练图像（{names}）：模型无法学习它。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/datasets.py" />
            <source>{count} classes have no training image ({names}): the model cannot learn them.</source>
            <translation>{count} 个类别没有训练图像（{names}）：模型无法学习它们。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/datasets.py" />
            <source>{name} arrived damaged (checksum mismatch)</source>
            <translation>{name} 下载后已损坏（校验和不符）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/datasets.py" />
            <source>no address</source>
            <translation>没有下载地址</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/landscape.py" />
            <source>{count} of {total} grid points gave a NaN or infinite loss (left blank).</source>
            <translation>{total} 个网格点中有 {count} 个的损失为 NaN 或无穷大（留空）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/landscape.py" />
            <source>Directions are {first} or {second}, got {value!r}.</source>
            <translation>方向只能是 {first} 或 {second}，实际为 {value!r}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/landscape.py" />
            <source>A PCA plane needs at least two kept steps away from the start: train longer or save the trajectory more often (or use random directions).</source>
            <translation>PCA 平面至少需要两个离开起点后保留的步：请训练更久或更频繁地保存轨迹（或使用随机方向）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/landscape.py" />
            <source>The runs moved along a single line: no second direction for a PCA plane (use random directions).</source>
            <translation>这些运行沿一条直线移动：PCA 平面没有第二个方向（请使用随机方向）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/landscape.py" />
            <source>The grid needs at least 2 points per side.</source>
            <translation>网格每边至少需要 2 个点。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/landscape.py" />
            <source>The plane does not have this model's number of parameters.</source>
            <translation>该平面的参数数量与这个模型不符。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/landscape.py" />
            <source>The span of the grid must be a positive number, got {span!r}.</source>
            <translation>网格的范围必须是正数，实际为 {span!r}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/landscape.py" />
            <source>{folder} has no runs.json: give the --out folder of cnnviz train.</source>
            <translation>{folder} 中没有 runs.json：请指定 cnnviz train 的 --out 文件夹。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/landscape.py" />
            <source>{folder} has no kept weights: train with --save-weights --trajectory-every K (or --snapshots) first.</source>
            <translation>{folder} 中没有保留的权重：请先用 --save-weights --trajectory-every K（或 --snapshots）训练。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/landscape.py" />
            <source>Run {name!r} has no weights kept at step 0 (the shared start).</source>
            <translation>运行 {name!r} 没有保留第 0 步（共同起点）的权重。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/landscape.py" />
            <source>No run has its weights kept from step 0: attach a WeightRecorder before training.</source>
            <translation>没有任何运行保留了第 0 步的权重：请在训练前挂上 WeightRecorder。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/landscape.py" />
            <source>These weights have no parameter {name!r}: they are not this model's.</source>
            <translation>这些权重中没有参数 {name!r}：它们不属于这个模型。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/landscape.py" />
            <source>{path} is damaged ({reason}).</source>
            <translation>{path} 已损坏（{reason}）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/sweeps.py" />
            <source>Learning rates must be positive numbers, got {low!r} and {high!r}.</source>
            <translation>学习率必须是正数，实际为 {low!r} 和 {high!r}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/sweeps.py" />
            <source>A grid needs at least one learning rate, got {count!r}.</source>
            <translation>网格至少需要一个学习率，实际为 {count!r}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/sweeps.py" />
            <source>Learning rates must be positive numbers, got {text!r}.</source>
            <translation>学习率必须是正数，实际为 {text!r}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/sweeps.py" />
            <source>A learning-rate grid is LOW:HIGH:COUNT (e.g. 1e-4:1:7) or a list (0.01,0.1), got {text!r}.</source>
            <translation>学习率网格的写法是 LOW:HIGH:COUNT（例如 1e-4:1:7）或列表（0.01,0.1），实际为 {text!r}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/sweeps.py" />
            <source>Choose at least one optimizer to sweep.</source>
            <translation>请至少选择一个要扫描的优化器。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/sweeps.py" />
            <source>Seeds must be whole numbers ≥ 0, got {seeds!r}.</source>
            <translation>种子必须是 ≥ 0 的整数，实际为 {seeds!r}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/sweeps.py" />
            <source>Each seed once, please: a repeated seed repeats the same runs.</source>
            <translation>每个种子只能出现一次：重复的种子只会重复同样的运行。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/sweeps.py" />
            <source>This sweep was already started.</source>
            <translation>这次扫描已经开始了。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/sweeps.py" />
            <source>{optimizer} is listed twice.</source>
            <translation>{optimizer} 列出了两次。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/training/sweeps.py" />
            <source>{optimizer} has no learning rates to try.</source>
            <translation>{optimizer} 没有要尝试的学习率。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>{items} … and {count} more</source>
            <translation>{items} … 还有 {count} 个</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>trained in cnnviz</source>
            <translation>在 cnnviz 中训练</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>{source}: {count} tensors loaded</source>
            <translation>{source}：已加载 {count} 个张量</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>{path} holds {type}, not a state_dict (a dict of tensors).</source>
            <translation>{path} 中保存的是 {type}，不是 state_dict（由张量组成的字典）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>{path} is empty (0 bytes).</source>
            <translation>{path} 是空的（0 字节）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>{name} declares {size} of data; cnnviz loads weights files of up to {limit}.</source>
            <translation>{name} 声明的数据量为 {size}；cnnviz 只加载不超过 {limit} 的权重文件。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>{name} would expand from {size} to {unpacked} when unpacked: it is not a weights file saved by PyTorch (whose tensors are stored uncompressed) and was not loaded.</source>
            <translation>{name} 解压后会从 {size} 膨胀到 {unpacked}：它不是 PyTorch 保存的权重文件（PyTorch 的张量以未压缩形式存储），因此没有加载。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>{name} holds {size} of tensors; this computer has {free} free.</source>
            <translation>{name} 包含 {size} 的张量；这台计算机只有 {free} 可用。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>{key} in the file holds no data (a 'meta' tensor saved without values).</source>
            <translation>文件中的 {key} 没有数据（保存时未带数值的 'meta' 张量）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>{key} in the file holds complex numbers; the model's tensor is real.</source>
            <translation>文件中的 {key} 是复数；模型中对应的张量是实数。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>There are no pretrained weights for {name}. Train it in the Train tab (or `cnnviz train`) and load the saved file, or use random weights.</source>
            <translation>{name} 没有预训练权重。请在训练页（或用 `cnnviz train`）训练它并加载保存的文件，或者使用随机权重。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>missing in file: {keys}</source>
            <translation>文件中缺少：{keys}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>not in model: {keys}</source>
            <translation>模型中没有：{keys}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>{key} file {file_shape} vs model {model_shape}</source>
            <translation>{key} 文件中为 {file_shape}，模型中为 {model_shape}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>shape mismatch: {keys}</source>
            <translation>形状不匹配：{keys}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>{name} is not a PyTorch weights file (it could not be unpickled).</source>
            <translation>{name} 不是 PyTorch 权重文件（无法反序列化）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>{name} is not a readable PyTorch weights file ({reason}).</source>
            <translation>{name} 不是可读取的 PyTorch 权重文件（{reason}）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>{name} holds pickled Python objects, not just weights; it is never loaded.</source>
            <translation>{name} 包含序列化的 Python 对象，而不只是权重；这类文件一律不会加载。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>These weights could not be copied into the model ({reason}).</source>
            <translation>无法把这些权重复制到模型中（{reason}）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>These weights do not fit this model ({problems}). Pick the matching model, or load only the tensors that fit.</source>
            <translation>这些权重与该模型不匹配（{problems}）。请选择对应的模型，或只加载匹配的张量。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>Cannot download the pretrained weights for {name} ({reason}). Download {url} on a connected machine and put it at {path}.</source>
            <translation>无法下载 {name} 的预训练权重（{reason}）。请在联网的机器上下载 {url}，并放到 {path}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>weights from {name}</source>
            <translation>来自 {name} 的权重</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>random (seed {seed})</source>
            <translation>随机权重（种子 {seed}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>{name} brings its own weights; use the default weights choice.</source>
            <translation>{name} 自带权重；请使用默认的权重选项。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>{name} contains a pickled Python object (such as a whole model), not just weights. Loading it would run code from the file.</source>
            <translation>{name} 包含一个序列化的 Python 对象（例如整个模型），而不只是权重。加载它会运行文件中的代码。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>pretrained {name}</source>
            <translation>预训练 {name}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>file {name}</source>
            <translation>文件 {name}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/weights.py" />
            <source>Pretrained weights need the model's default arguments (they were made for that shape).</source>
            <translation>预训练权重要求模型使用默认参数（这些权重是为那种形状训练的）。</translation>
        </message>
    </context>
    <context>
        <name>Explain</name>
        <message>
            <location filename="../../cnnviz/gui/explain/mix_page.py" />
            <location filename="../../cnnviz/gui/explain/unit_canvas.py" />
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
            <location filename="../../cnnviz/gui/explain/unit_canvas.py" />
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
            <location filename="../../cnnviz/gui/explain/unit_texts.py" />
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
            <source>Input ch {0}  ({1}×{2}, P = {3})</source>
            <translation>输入通道 {0}（{1}×{2}，P = {3}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_canvas.py" />
            <source>Output {0}: {1}×{2}</source>
            <translation>输出 {0}：{1}×{2}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_canvas.py" />
            <location filename="../../cnnviz/gui/explain/unit_canvas.py" />
            <source>output[{0}] row {1}, col {2}</source>
            <translation>输出[{0}] 第 {1} 行，第 {2} 列</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_canvas.py" />
            <source>Press Space to play, → to step: the window slides left to right, top to bottom.</source>
            <translation>按空格播放，按 → 单步：窗口从左到右、从上到下滑动。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_canvas.py" />
            <location filename="../../cnnviz/gui/explain/unit_canvas.py" />
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
            <source>Kernel w</source>
            <translation>卷积核 w</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/sliding_canvas.py" />
            <source>x·w</source>
            <translation>x·w</translation>
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
            <location filename="../../cnnviz/gui/explain/topics.py" />
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
            <source>Fill the input with new small integers (0…9)</source>
            <translation>用新的小整数（0…9）填充输入</translation>
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
            <location filename="../../cnnviz/gui/explain/topics.py" />
            <source>Convolution</source>
            <translation>卷积</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/topics.py" />
            <source>1×1 convolution</source>
            <translation>1×1 卷积</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/topics.py" />
            <source>Receptive field growth</source>
            <translation>感受野的增长</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/topics.py" />
            <source>Parameter counting</source>
            <translation>参数量计算</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/topics.py" />
            <source>Architecture timeline</source>
            <translation>网络结构时间线</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/topics.py" />
            <source>Unit arithmetic</source>
            <translation>单元的计算</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_canvas.py" />
            <source>Click an output cell to see how that neighbour is computed.</source>
            <translation>点击一个输出格，查看这个相邻单元是怎样算出来的。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_canvas.py" />
            <source>Press → for the next step, ← to go back.</source>
            <translation>按 → 进入下一步，按 ← 返回。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_canvas.py" />
            <source>(the other {0} channel(s))</source>
            <translation>（其余 {0} 个通道）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_canvas.py" />
            <source>Padding is left out; PyTorch divides this window by {0}.</source>
            <translation>不计填充；PyTorch 把这个窗口的和除以 {0}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_page.py" />
            <source>Layer</source>
            <translation>层</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_page.py" />
            <source>Channel</source>
            <translation>通道</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_page.py" />
            <source>A convolution, pooling or fully connected layer, or a BatchNorm / activation right after one</source>
            <translation>卷积层、池化层或全连接层，或紧跟其后的 BatchNorm / 激活层</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_page.py" />
            <source>Output channel (or output number of a fully connected layer)</source>
            <translation>输出通道（或全连接层的输出序号）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_page.py" />
            <source>Row of the unit in the layer's output</source>
            <translation>单元在该层输出中的行</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_page.py" />
            <source>Column of the unit in the layer's output</source>
            <translation>单元在该层输出中的列</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_page.py" />
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_page.py" />
            <source>Channels drawn</source>
            <translation>显示的通道数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_page.py" />
            <source>How many input channels of the window are drawn (those adding most to the unit); the others are summed</source>
            <translation>画出窗口中的多少个输入通道（对该单元贡献最大的那些）；其余通道合并求和</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_page.py" />
            <source>Compute this unit from the loaded model and image</source>
            <translation>用已加载的模型和图像计算这个单元</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_page.py" />
            <source>Input</source>
            <translation>输入</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_page.py" />
            <location filename="../../cnnviz/gui/explain/unit_texts.py" />
            <source>Value</source>
            <translation>数值</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_page.py" />
            <source>Weight</source>
            <translation>权重</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_page.py" />
            <source>Value × weight</source>
            <translation>数值 × 权重</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_page.py" />
            <source>Click a unit in Inspect's activation maps and press “How is it computed?”, or pick one here.</source>
            <translation>在“透视”页的激活图中点击一个单元并按“如何计算的？”，或在这里选择一个。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_page.py" />
            <source>Load a model and an image in the Inspect tab; then any unit of it can be opened here.</source>
            <translation>请先在“透视”页加载模型和图像；之后它的任何单元都可以在这里打开。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_page.py" />
            <source>Pick a layer and a unit, then press Show.</source>
            <translation>选择一个层和一个单元，然后按“显示”。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_page.py" />
            <source>Computing {0}, channel {1}, row {2}, column {3}…</source>
            <translation>正在计算 {0}，通道 {1}，第 {2} 行，第 {3} 列…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_page.py" />
            <source>{0} ({1}) · {2}: computed from the loaded model and image.</source>
            <translation>{0}（{1}）· {2}：由已加载的模型和图像算出。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_page.py" />
            <source>This window is not square (or not evenly spaced), so it is not drawn as a sliding grid; the numbers are on the right.</source>
            <translation>这个窗口不是正方形（或间隔不均匀），所以不画成滑动网格；数值见右侧。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_texts.py" />
            <source>output {0}</source>
            <translation>输出 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_texts.py" />
            <source>channel {0}, row {1}, column {2}</source>
            <translation>通道 {0}，第 {1} 行，第 {2} 列</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_texts.py" />
            <source>the other {0}</source>
            <translation>其余 {0} 个</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_texts.py" />
            <source>sum</source>
            <translation>总和</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_texts.py" />
            <source>value</source>
            <translation>数值</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_texts.py" />
            <source>the network computed {0}</source>
            <translation>网络算得 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_texts.py" />
            <source>The {0} input channels that add most to this unit are drawn; the other {1} are summed.</source>
            <translation>画出了对该单元贡献最大的 {0} 个输入通道；其余 {1} 个合并求和。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_texts.py" />
            <source>Orange: the window. Grey: padding. Blue: the output cell being written. The animation slides over the unit's neighbours and stops on the unit; then come the steps after the layer.</source>
            <translation>橙色：窗口。灰色：填充。蓝色：正在写入的输出格。动画滑过该单元的相邻单元，停在该单元上；随后是该层之后的各个步骤。</translation>
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
        <message>
            <location filename="../../cnnviz/gui/explain/unit_texts.py" />
            <source>Then</source>
            <translation>随后</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/unit_texts.py" />
            <source>Final value</source>
            <translation>最终值</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/explain/rf_page.py" />
            <source>Computing…</source>
            <translation type="vanished">计算中…</translation>
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
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <source>Size</source>
            <translation>尺寸</translation>
        </message>
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
            <location filename="../../cnnviz/gui/inspect/controller.py" />
            <location filename="../../cnnviz/gui/inspect/layer_tree.py" />
            <source>Layer</source>
            <translation>层</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/channel_view.py" />
            <source>Channel</source>
            <translation>通道</translation>
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
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>Fit</source>
            <translation>适应窗口</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>Show every channel as large as the panel allows (tiles never get too small to read: then drag to see the rest). Scroll the wheel over the tiles to zoom.</source>
            <translation>让每个通道在面板允许的范围内尽量显示得大（图块不会小到无法看清，此时拖动即可查看其余部分）。在图块上滚动滚轮可缩放。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>Colour scale of the tiles. With per-channel scaling each tile has its own.</source>
            <translation>小图的色标。逐通道缩放时每个小图各有一个色标。</translation>
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
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <location filename="../../cnnviz/gui/inspect/attribution/trust_views.py" />
            <source>activation</source>
            <translation>激活值</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/activation_grid.py" />
            <source>channel {0} · row {1}, column {2} · value {3:.4g} — click to see its receptive field</source>
            <translation>通道 {0} · 第 {1} 行，第 {2} 列 · 值 {3:.4g} — 点击查看它的感受野</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/controller.py" />
            <source>under a second</source>
            <translation>不到一秒</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/controller.py" />
            <source>{0:.0f} s</source>
            <translation>{0:.0f} 秒</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/controller.py" />
            <source>{0:.0f} min</source>
            <translation>{0:.0f} 分钟</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/controller.py" />
            <source>{0:.1f} h</source>
            <translation>{0:.1f} 小时</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/controller.py" />
            <source>Indexing {0} of {1} images</source>
            <translation>正在索引图像：{0} / {1}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/controller.py" />
            <source>about {0} left</source>
            <translation>约剩 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/controller.py" />
            <source>Optimising: {0:.0%}</source>
            <translation>正在优化：{0:.0%}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/controller.py" />
            <source>Occluding: {0:.0%}</source>
            <translation>正在遮挡：{0:.0%}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/controller.py" />
            <source>Reading every channel's best image: {0:.0%}</source>
            <translation>正在读取每个通道的最佳图像：{0:.0%}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Folder {0}</source>
            <translation>文件夹 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>torchvision {0} ({1})</source>
            <translation>torchvision {0}（{1}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>{0:.0f} KB</source>
            <translation>{0:.0f} KB</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>{0:.1f} MB</source>
            <translation>{0:.1f} MB</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>torchvision dataset on disk</source>
            <translation>磁盘上的 torchvision 数据集</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>test</source>
            <translation>测试集</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>train</source>
            <translation>训练集</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Dataset</source>
            <translation>数据集</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Split</source>
            <translation>划分</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>cnnviz reads the dataset from this folder (where the Train tab keeps the ones it downloaded) and never downloads it for exemplars.</source>
            <translation>cnnviz 从这个文件夹读取数据集（“训练”页把下载的数据集存放在这里），为样例建索引时绝不会下载数据集。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Folder of the dataset</source>
            <translation>数据集所在的文件夹</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>The images to search for what excites each channel.</source>
            <translation>在这些图像中寻找最能激发每个通道的内容。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Image folder…</source>
            <translation>图像文件夹…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>torchvision dataset on disk…</source>
            <translation>磁盘上的 torchvision 数据集…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Build index</source>
            <translation>建立索引</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Run the model over the images once and keep, for every channel, the 9 images that excite it most. Resumes a cancelled run; opens a finished one from the cache at once.</source>
            <translation>让模型把这些图像运行一遍，为每个通道保留最能激发它的 9 张图像。已取消的索引会接着继续；已完成的索引立即从缓存打开。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <location filename="../../cnnviz/gui/inspect/attribution/panel.py" />
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Top 9 of the channel</source>
            <translation>本通道前 9 名</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Atlas: every channel</source>
            <translation>图谱：所有通道</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>The selected channel's 9 best crops, or every channel of the layer with its best crop (click one to see its top 9).</source>
            <translation>所选通道最佳的 9 个图块，或该层每个通道及其最佳图块（点击其中一个可查看它的前 9 名）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Strongest first</source>
            <translation>最强的在前</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>By channel</source>
            <translation>按通道编号</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Order of the atlas: by each channel's best activation, or by number.</source>
            <translation>图谱的排列顺序：按每个通道的最佳激活值，或按通道编号。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Each crop is the unit's receptive field in the image the model saw; grey checks are padding outside the image (dashed: the image's edge).</source>
            <translation>每个图块是该单元在模型所见图像中的感受野；灰色棋盘格是图像之外的填充（虚线：图像边缘）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Delete every saved exemplar index (they are made again by Build).</source>
            <translation>删除所有已保存的样例索引（可用“建立索引”重新生成）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Image folder for exemplars</source>
            <translation>样例所用的图像文件夹</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Layers: {0}</source>
            <translation>层：{0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Layer {0} (the selected one)</source>
            <translation>层 {0}（当前所选）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>The layers to index. By default the selected layer; tick several to index them in one pass over the images.</source>
            <translation>要建立索引的层。默认为所选层；勾选多个层可在遍历一次图像时同时为它们建立索引。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <location filename="../../cnnviz/gui/inspect/attribution/choices_form.py" />
            <source>Follow the selected layer</source>
            <translation>跟随所选层</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Choose the images first.</source>
            <translation>请先选择图像。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>The selected layer has no channels to index; choose a layer.</source>
            <translation>所选层没有可索引的通道；请选择一个层。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Choose the images to search.</source>
            <translation>请选择要搜索的图像。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Looking for a saved index…</source>
            <translation>正在查找已保存的索引…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Indexing…</source>
            <translation>正在建立索引…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>No index of these images for this model yet: press Build index.</source>
            <translation>该模型还没有这些图像的索引：请按“建立索引”。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>No exemplars yet.</source>
            <translation>还没有样例。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>{0} is not in this index (it has {1}).</source>
            <translation>{0} 不在此索引中（索引包含 {1}）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Atlas of {0}: each channel's best crop. Click one for its top 9.</source>
            <translation>{0} 的图谱：每个通道的最佳图块。点击其中一个可查看它的前 9 名。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Top 9 of channel {0} of {1}: the crops that excite it most, best first.</source>
            <translation>{1} 的通道 {0} 的前 9 名：最能激发它的图块，最强的在前。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Reading…</source>
            <translation>正在读取…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>No image reached this channel.</source>
            <translation>没有图像能激活这个通道。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Saved indexes: {0}</source>
            <translation>已保存的索引：{0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Deleted the saved exemplar indexes ({0}).</source>
            <translation>已删除保存的样例索引（{0}）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>{0} images indexed</source>
            <translation>已索引 {0} 张图像</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>partial: {0} of {1} visited (Build continues)</source>
            <translation>未完成：已处理 {0} / {1}（“建立索引”可继续）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>skipped {0}: {1} corrupt, {2} too large, {3} unreadable</source>
            <translation>跳过 {0} 张：{1} 张损坏，{2} 张过大，{3} 张无法读取</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>{0} grayscale converted to RGB</source>
            <translation>{0} 张灰度图已转为彩色</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>opened from the cache</source>
            <translation>从缓存打开</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>{0}
value {1:.4g} at row {2}, column {3} of the layer's output
receptive field: rows {4}…{5}, columns {6}…{7} of the model input</source>
            <translation>{0}
该层输出第 {2} 行、第 {3} 列的值：{1:.4g}
感受野：模型输入的第 {4}…{5} 行，第 {6}…{7} 列</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>This image can no longer be read.</source>
            <translation>这张图像已无法读取。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>{0:.0%} of the field lies outside the image (grey checks: padding).</source>
            <translation>感受野有 {0:.0%} 位于图像之外（灰色棋盘格：填充）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/exemplars_section.py" />
            <source>Channel {0}: best value {1}</source>
            <translation>通道 {0}：最佳值 {1}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Channel (mean over space)</source>
            <translation>通道（空间均值）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Clicked unit</source>
            <translation>点击的单元</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <source>Class logit</source>
            <translation>类别得分</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <source>What to make larger: the selected channel's mean, the unit you clicked in the activation maps, or one class score of the model's output.</source>
            <translation>要增大的目标：所选通道的均值、你在激活图中点击的单元，或模型输出中某个类别的得分。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <source>The class whose score (logit) is maximised.</source>
            <translation>要最大化其得分（对数几率）的类别。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <source>2017: Fourier image, transforms (Olah et al.)</source>
            <translation>2017：傅里叶图像 + 变换（Olah et al.）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <source>2015: regularised pixels (Yosinski et al.)</source>
            <translation>2015：正则化像素（Yosinski et al.）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <source>2017 (Olah, Mordvintsev, Schubert, Distill): a decorrelated Fourier-space image, random jitter, scale and rotation, Adam.
2015 (Yosinski et al., Deep Visualization): gradient ascent on pixels with L2 decay, blur and clipping of small pixels.</source>
            <translation>2017（Olah, Mordvintsev, Schubert, Distill）：去相关的傅里叶空间图像，随机抖动、缩放和旋转，Adam。
2015（Yosinski et al., Deep Visualization）：在像素上做梯度上升，加 L2 衰减、模糊和小像素截断。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <source>The same seed and settings give the same picture.</source>
            <translation>相同的种子和设置会得到相同的图像。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <source>Steps</source>
            <translation>步数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <source>Learning rate</source>
            <translation>学习率</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <source>Seed</source>
            <translation>种子</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <source>Run</source>
            <translation>运行</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <source>Start from noise and change the picture step by step to raise the target; the picture updates as it goes.</source>
            <translation>从噪声开始，逐步修改图像以提高目标值；图像随过程实时更新。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <source>Synthetic picture: made by optimisation to excite the target. It is not a photo from any dataset.</source>
            <translation>合成图像：通过优化生成，用来激发目标。它不是任何数据集中的照片。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <source>Synthetic picture</source>
            <translation>合成图像</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <source>Unknown feature visualisation {0} {1}.</source>
            <translation>未知的特征可视化设置 {0} {1}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Click a unit in the activation maps first.</source>
            <translation>请先在激活图中点击一个单元。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <source>Starting from noise…</source>
            <translation>正在从噪声开始…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <source>Step {0} of {1} · objective {2:.4g}</source>
            <translation>第 {0} / {1} 步 · 目标值 {2:.4g}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <source>Stopped at step {0}: the picture so far.</source>
            <translation>在第 {0} 步停止：显示的是目前的图像。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <source>Done: {0} steps.</source>
            <translation>完成：共 {0} 步。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <source>the score of class {0}{1}</source>
            <translation>类别 {0}{1} 的得分</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>unit (row {0}, column {1}) of channel {2} of {3}</source>
            <translation>{3} 的通道 {2} 中的单元（第 {0} 行，第 {1} 列）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <source>the mean of channel {0} of {1}</source>
            <translation>{1} 的通道 {0} 的均值</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <source>On this picture, {0} is {1:.4g}.</source>
            <translation>在这张图像上，{0}为 {1:.4g}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <source>Its strongest unit: {0:.4g}.</source>
            <translation>其中最强的单元：{0:.4g}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <source>On the best natural exemplar ({0}): {1:.4g}.</source>
            <translation>在最佳自然样例（{0}）上：{1:.4g}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/featvis_section.py" />
            <source>Build a dataset index of this layer to compare with the best natural image.</source>
            <translation>为这一层建立数据集索引，即可与最佳自然图像比较。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/panel.py" />
            <source>The channel these views are about. Clicking a unit in the activation maps chooses its channel.</source>
            <translation>这些视图所针对的通道。在激活图中点击一个单元会选中它所在的通道。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/panel.py" />
            <source>Dataset exemplars</source>
            <translation>数据集样例</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/panel.py" />
            <source>Feature visualisation</source>
            <translation>特征可视化</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/panel.py" />
            <source>Projections to pixels</source>
            <translation>投影到像素</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/panel.py" />
            <source>The images of a dataset that excite the channel most (Zeiler &amp; Fergus 2014; the Deep Visualization Toolbox).</source>
            <translation>数据集中最能激发该通道的图像（Zeiler &amp; Fergus 2014；Deep Visualization Toolbox）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/panel.py" />
            <source>A synthetic picture made by optimisation to excite the channel.</source>
            <translation>通过优化生成、用来激发该通道的合成图像。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/panel.py" />
            <source>Which pixels of the current image drive the unit: deconvnet, guided backprop, gradient, occlusion.</source>
            <translation>当前图像中哪些像素驱动了该单元：反卷积网络、导向反向传播、梯度、遮挡。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/panel.py" />
            <source>Layer {0}, channel</source>
            <translation>层 {0}，通道</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/panel.py" />
            <source>The exemplar panel's lesson state is not an object; skipped.</source>
            <translation>样例面板的课程状态不是对象；已跳过。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/panel.py" />
            <source>The exemplar image folder {0} was not found.</source>
            <translation>未找到样例图像文件夹 {0}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Deconvnet</source>
            <translation>反卷积网络</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Guided backprop</source>
            <translation>导向反向传播</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Gradient</source>
            <translation>梯度</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Occlusion</source>
            <translation>遮挡</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <location filename="../../cnnviz/gui/inspect/attribution/choices_form.py" />
            <source>Top class</source>
            <translation>最高分类别</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>What to explain: the unit you clicked in the activation maps, the selected channel as a whole, or the model's top class.</source>
            <translation>要解释的目标：你在激活图中点击的单元、所选通道整体，或模型得分最高的类别。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Deconvnet (Zeiler &amp; Fergus 2014)</source>
            <translation>反卷积网络（Zeiler &amp; Fergus 2014）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Guided backprop (Springenberg et al. 2015)</source>
            <translation>导向反向传播（Springenberg et al. 2015）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Gradient (saliency, Simonyan et al. 2014)</source>
            <translation>梯度（显著图，Simonyan et al. 2014）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Deconvnet: the signal sent back through the layers with ReLUs on the way back.
Guided backprop: only where both the input and the gradient are positive.
Gradient: how much each pixel changes the target.</source>
            <translation>反卷积网络：信号逐层反向传回，回传途中经过 ReLU。
导向反向传播：只保留输入和梯度都为正的位置。
梯度：每个像素对目标的影响有多大。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Show on input</source>
            <translation>在输入上显示</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Compute the three projections of the target on the current image and draw the chosen one over the model input.</source>
            <translation>在当前图像上计算目标的三种投影，并把选中的那种叠加显示在模型输入上。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Save PNG…</source>
            <translation>保存 PNG…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Save the model input with the overlay shown now as a PNG picture.</source>
            <translation>把模型输入连同当前显示的叠加层保存为 PNG 图片。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>A grey square slides over the image; the map shows how much the class probability (or the unit's activation) drops where it covers.</source>
            <translation>一个灰色方块在图像上滑动；热图显示方块遮住各处时，类别概率（或该单元的激活值）下降了多少。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Side of the grey square.</source>
            <translation>灰色方块的边长。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Step between two positions of the square (at most its side).</source>
            <translation>方块相邻两个位置之间的步长（不超过其边长）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Square</source>
            <translation>方块</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Stride</source>
            <translation>步长</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Run occlusion</source>
            <translation>运行遮挡</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Overlay: {0}</source>
            <translation>叠加：{0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Overlay: occlusion</source>
            <translation>叠加：遮挡</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Unknown projection {0} {1}.</source>
            <translation>未知的投影设置 {0} {1}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>the top class</source>
            <translation>得分最高的类别</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <location filename="../../cnnviz/gui/inspect/predictions_panel.py" />
            <location filename="../../cnnviz/gui/inspect/timelapse_compare.py" />
            <source>class {0}</source>
            <translation>类别 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>channel {0} of {1} (its mean)</source>
            <translation>{1} 的通道 {0}（取均值）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Computing…</source>
            <translation>计算中…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Shown on the model input: {0} of {1}.</source>
            <translation>模型输入上显示的是：{1} 的{0}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Projections: click a unit in the activation maps first.</source>
            <translation>投影：请先在激活图中点击一个单元。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Show a projection or run occlusion first.</source>
            <translation>请先显示一种投影或运行遮挡。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Save projection</source>
            <translation>保存投影</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <location filename="../../cnnviz/gui/inspect/attribution/panel.py" />
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>PNG image (*.png)</source>
            <translation>PNG 图像 (*.png)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Could not save {0}: {1}</source>
            <translation>无法保存 {0}：{1}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <location filename="../../cnnviz/gui/inspect/export.py" />
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>Saved {0}</source>
            <translation>已保存 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <location filename="../../cnnviz/gui/inspect/attribution/trust_views.py" />
            <source>probability</source>
            <translation>概率</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/atlas/projections_section.py" />
            <source>Occlusion of {0}: {1} squares of {2} px every {3} px; red: the {4} drops when covered, blue: it rises. Before: {5:.4g}.</source>
            <translation>{0} 的遮挡：{1} 个 {2} px 的方块，每隔 {3} px 一个；红色：遮住时{4}下降，蓝色：上升。遮挡前：{5:.4g}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/captions.py" />
            <source>Why “{0}”? (class {1}, {2:.1%})</source>
            <translation>为什么是“{0}”？（类别 {1}，{2:.1%}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/captions.py" />
            <source>Why class {0}? ({1:.1%})</source>
            <translation>为什么是类别 {0}？（{1:.1%}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/captions.py" />
            <source>Why does {0} channel {1} at ({2}, {3}) fire? (activation {4:.3g})</source>
            <translation>为什么 {0} 的通道 {1} 在 ({2}, {3}) 处被激活？（激活值 {4:.3g}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/captions.py" />
            <source>Random weights: these maps explain an untrained network, not what it learned.</source>
            <translation>随机权重：这些图解释的是未经训练的网络，而不是它学到的东西。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/captions.py" />
            <source>does not explain the model (sanity check).</source>
            <translation>不能解释模型（健全性检查）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/captions.py" />
            <source>No chosen method uses a layer.</source>
            <translation>所选方法都不需要指定层。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/captions.py" />
            <source>the last convolutional stage</source>
            <translation>最后一个卷积阶段</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/captions.py" />
            <source>The CAM methods use {0} (chosen here).</source>
            <translation>CAM 类方法使用 {0}（在此处选定）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/captions.py" />
            <source>The CAM methods use {0}, the layer selected in the tree.</source>
            <translation>CAM 类方法使用 {0}，即层树中选中的层。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/captions.py" />
            <source>The selected layer {0} has no spatial output, so the CAM methods use {1}.</source>
            <translation>选中的层 {0} 没有空间输出，因此 CAM 类方法使用 {1}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/captions.py" />
            <source>The CAM methods use {0}.</source>
            <translation>CAM 类方法使用 {0}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/captions.py" />
            <location filename="../../cnnviz/gui/inspect/attribution/maps_page.py" />
            <source>Cost: {0}</source>
            <translation>代价：{0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/captions.py" />
            <source>Deletion AUC {0:.3f} · insertion AUC {1:.3f} · average drop {2:.1f} %</source>
            <translation>删除曲线下面积 {0:.3f} · 插入曲线下面积 {1:.3f} · 平均下降 {2:.1f} %</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/choices_form.py" />
            <source>A class…</source>
            <translation>指定类别…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/choices_form.py" />
            <source>Selected unit</source>
            <translation>所选单元</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/choices_form.py" />
            <source>What to explain: the class the model scores highest, a class you pick, or the unit you clicked in the activation maps</source>
            <translation>要解释的目标：模型得分最高的类别、你选定的类别，或你在激活图中点击的单元</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/choices_form.py" />
            <source>The layer the CAM methods explain from; by default the layer selected in the tree when its output is a map, else the last convolutional stage</source>
            <translation>CAM 类方法据以解释的层；默认取层树中选中的层（若其输出是特征图），否则取最后一个卷积阶段</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/choices_form.py" />
            <source>Over the input</source>
            <translation>叠加在输入上</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/choices_form.py" />
            <source>Draw each map over the picture the model sees, or alone</source>
            <translation>把每张图叠加在模型看到的图像上，或单独显示</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/choices_form.py" />
            <source>Explain</source>
            <translation>解释对象</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/choices_form.py" />
            <source>CAM layer</source>
            <translation>CAM 层</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/choices_form.py" />
            <source>Which attribution methods to show side by side</source>
            <translation>选择要并排显示的归因方法</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/choices_form.py" />
            <source>Class activation maps (need a layer)</source>
            <translation>类激活图（需要选择层）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/choices_form.py" />
            <source>Gradients of the input</source>
            <translation>输入的梯度</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/choices_form.py" />
            <source>Perturbation</source>
            <translation>扰动</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/choices_form.py" />
            <source>{0}
Cost: {1}</source>
            <translation>{0}
代价：{1}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/choices_form.py" />
            <source>Search classes…</source>
            <translation>搜索类别…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/choices_form.py" />
            <source>Methods ({0})</source>
            <translation>方法（{0}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/controller.py" />
            <source>Pick a class to explain.</source>
            <translation>请选择要解释的类别。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/controller.py" />
            <source>Click a unit in the activation maps to explain it.</source>
            <translation>在激活图中点击一个单元即可解释它。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/controller.py" />
            <source>Load a model and an image first.</source>
            <translation>请先加载模型和图像。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/controller.py" />
            <source>Choose at least one method.</source>
            <translation>请至少选择一种方法。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/controller.py" />
            <source>Attribution failed: {0}</source>
            <translation>归因失败：{0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/controller.py" />
            <source>Compute the maps first.</source>
            <translation>请先计算归因图。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/controller.py" />
            <source>Cancelled.</source>
            <translation>已取消。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/controller.py" />
            <source>Unknown attribution methods skipped: {0}.</source>
            <translation>已跳过未知的归因方法：{0}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/controller.py" />
            <source>Not a class number: {0}.</source>
            <translation>不是类别编号：{0}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/controller.py" />
            <source>Unknown attribution target {0}.</source>
            <translation>未知的归因目标 {0}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/export_bar.py" />
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/export_bar.py" />
            <source>Grid of maps as PNG…</source>
            <translation>图网格导出为 PNG…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/export_bar.py" />
            <source>Faithfulness scores as CSV…</source>
            <translation>忠实度分数导出为 CSV…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/export_bar.py" />
            <source>↻ Again</source>
            <translation>↻ 重算</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/export_bar.py" />
            <source>Compute the maps again (after Cancel, or to time them)</source>
            <translation>重新计算这些图（在取消之后，或为了计时）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/export_bar.py" />
            <source>Faithfulness scores as CSV (compute them first)</source>
            <translation>忠实度分数导出为 CSV（请先计算分数）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/maps_page.py" />
            <source>Sanity check: does not explain the model.</source>
            <translation>健全性检查：不能解释模型。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/maps_page.py" />
            <source>0 → 1: share of the map's strongest value</source>
            <translation>0 → 1：占该图最大值的比例</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/maps_page.py" />
            <source>±: −1 → +1, against → for the target</source>
            <translation>±：−1 → +1，不利于 → 有利于目标</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/maps_page.py" />
            <source>← All maps</source>
            <translation>← 全部图</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/panel.py" />
            <source>Maps</source>
            <translation>归因图</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/panel.py" />
            <source>Faithfulness</source>
            <translation>忠实度</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/panel.py" />
            <source>Sanity check</source>
            <translation>健全性检查</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/panel.py" />
            <source>Layer sweep</source>
            <translation>逐层扫描</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/panel.py" />
            <source>Stop computing the maps and scores</source>
            <translation>停止计算归因图和评分</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/panel.py" />
            <source>Export maps</source>
            <translation>导出归因图</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/panel.py" />
            <source>Export scores</source>
            <translation>导出分数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/panel.py" />
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/panel.py" />
            <source>The attribution panel's lesson state is not an object; skipped.</source>
            <translation>归因面板的课程状态不是 JSON 对象；已跳过。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/trust_views.py" />
            <source>Compute scores</source>
            <translation>计算分数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/trust_views.py" />
            <source>Deletion: the map's most important pixels are removed first; a faithful map makes the score fall fast (lower area is better). Insertion: they are put back into a blurred image first (higher area is better). Average Drop: how much the score falls on the image weighted by the map (lower is better).</source>
            <translation>删除：先移除图中最重要的像素；忠实的图会让分数迅速下降（面积越小越好）。插入：先把这些像素放回一幅模糊图像（面积越大越好）。平均下降：在按图加权后的图像上分数下降多少（越小越好）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/trust_views.py" />
            <source>Method</source>
            <translation>方法</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/trust_views.py" />
            <source>Deletion ↓</source>
            <translation>删除 ↓</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/trust_views.py" />
            <source>Insertion ↑</source>
            <translation>插入 ↑</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/trust_views.py" />
            <source>Avg drop % ↓</source>
            <translation>平均下降 % ↓</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/trust_views.py" />
            <source>Incr. conf. %</source>
            <translation>置信度提升 %</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/trust_views.py" />
            <source>share of pixels removed</source>
            <translation>已移除像素的比例</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/trust_views.py" />
            <source>score</source>
            <translation>分数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/trust_views.py" />
            <source>share of pixels put back</source>
            <translation>已放回像素的比例</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/trust_views.py" />
            <source>Deletion</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/trust_views.py" />
            <source>Insertion</source>
            <translation>插入</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/trust_views.py" />
            <source>Run check</source>
            <translation>运行检查</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/trust_views.py" />
            <source>The model's weights are randomised from the output layer down, a few layers more at each step, and every map is computed again. A map that explains the model must change; one that stays similar (high rank correlation) shows the image more than what the network learned (Adebayo et al. 2018).</source>
            <translation>从输出层开始向下随机化模型的权重，每一步多随机化几层，并重新计算每张图。能解释模型的图必然随之改变；保持相似（秩相关高）的图反映的更多是图像本身，而不是网络学到的东西（Adebayo et al. 2018）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/trust_views.py" />
            <source>randomisation step (from the output down)</source>
            <translation>随机化步骤（从输出层向下）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/trust_views.py" />
            <source>rank correlation</source>
            <translation>秩相关</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/trust_views.py" />
            <source>does not explain the model (its map stays similar: median correlation {0})</source>
            <translation>不能解释模型（它的图保持相似：相关系数中位数 {0}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/trust_views.py" />
            <source>changes with the weights (median correlation {0})</source>
            <translation>随权重而变化（相关系数中位数 {0}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/trust_views.py" />
            <source>Step {0}: {1}</source>
            <translation>第 {0} 步：{1}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/trust_views.py" />
            <source>{0} … {1} ({2} layers)</source>
            <translation>{0} … {1}（{2} 层）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/trust_views.py" />
            <source>Run sweep</source>
            <translation>开始扫描</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/trust_views.py" />
            <source>The CAM is computed on every convolutional layer and each map is scored: insertion area − deletion area (higher is better). The best layer is framed; click a map to select its layer.</source>
            <translation>在每个卷积层上计算 CAM，并为每张图打分：插入面积 − 删除面积（越大越好）。最佳层带边框；单击某张图即可选中它所在的层。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/trust_views.py" />
            <source>{0}: insertion {1} − deletion {2} = {3}{4}</source>
            <translation>{0}：插入 {1} − 删除 {2} = {3}{4}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/attribution/trust_views.py" />
            <source> (the best layer)</source>
            <translation>（最佳层）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/channel_view.py" />
            <source>The channel you clicked, large. Hover for values; click to pick another unit.</source>
            <translation>你点击的通道的放大图。悬停查看数值；点击选择另一个单元。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/channel_view.py" />
            <source>How is it computed?</source>
            <translation>如何计算的？</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/channel_view.py" />
            <source>Show the clicked unit's arithmetic in the Explain tab: its input window, kernel, products, sum, bias, then BatchNorm and ReLU</source>
            <translation>在“讲解”页显示所点击单元的运算过程：输入窗口、卷积核、乘积、求和、偏置，然后是 BatchNorm 和 ReLU</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/channel_view.py" />
            <source>Channel {0} ({1}×{2})</source>
            <translation>通道 {0}（{1}×{2}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/channel_view.py" />
            <source>Click a channel in the grid to open it here.</source>
            <translation>在网格中点击一个通道，在这里放大显示。</translation>
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
            <source>weights from {0}</source>
            <translation>权重来自 {0}</translation>
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
            <source>Could not run the model</source>
            <translation>无法运行模型</translation>
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
            <source>image</source>
            <translation>图像</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/controller.py" />
            <location filename="../../cnnviz/gui/inspect/open_model.py" />
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
            <location filename="../../cnnviz/gui/inspect/dataset_samples.py" />
            <source>No validation images to offer: {0}</source>
            <translation>没有可提供的验证图像：{0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/dataset_samples.py" />
            <source>Validation images of {0}:</source>
            <translation>{0} 的验证图像：</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/dataset_samples.py" />
            <source>{0} (validation image {1})</source>
            <translation>{0}（验证图像 {1}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/export.py" />
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>Export failed</source>
            <translation>导出失败</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Click a unit in the activation maps to see what part of the input it sees.</source>
            <translation>点击激活图中的一个单元，查看它看到输入的哪一部分。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>Not uniform: this layer's windows are irregular (adaptive pooling), so units differ; the box is this unit's exact field, {0}×{1} px.</source>
            <translation>不均匀：该层的窗口不规则（自适应池化），各单元的感受野不同；方框是该单元的确切感受野，{0}×{1} px。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/input_panel.py" />
            <source>It also sees the whole image: a path through global pooling or attention mixes every position, so the box is only its local field.</source>
            <translation>它还能看到整幅图像：经过全局池化或注意力的路径会混合所有位置，因此方框只是它的局部感受野。</translation>
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
            <location filename="../../cnnviz/gui/inspect/layer_choice.py" />
            <source>{0} has no layer called {1}; showing its first convolution.</source>
            <translation>{0} 中没有名为 {1} 的层；改为显示它的第一个卷积层。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/layer_choice.py" />
            <source>Closest: {0}.</source>
            <translation>最接近的：{0}。</translation>
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
            <source>The lesson's model {0} names Python code that you chose not to run, so it was skipped; the rest of the lesson opened.</source>
            <translation>课程的模型 {0} 指向你选择不运行的 Python 代码，因此已跳过；课程的其余部分已打开。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/lesson.py" />
            <source>weights from the lesson</source>
            <translation>来自课程的权重</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/lesson.py" />
            <source>The lesson's weights are missing from the file; using random weights.</source>
            <translation>文件中缺少课程的权重；改用随机权重。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/lesson.py" />
            <source>The lesson's weights could not be read ({0}); using random weights.</source>
            <translation>无法读取课程的权重（{0}）；改用随机权重。</translation>
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
            <location filename="../../cnnviz/gui/inspect/load_questions.py" />
            <source>Load what fits?</source>
            <translation>只加载匹配的部分？</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/load_questions.py" />
            <source>Load the tensors that fit and keep the rest random? The Layer math and the status bar then say which weights came from the file.</source>
            <translation>加载形状匹配的张量，其余保持随机？之后“层的计算”面板和状态栏会标明哪些权重来自文件。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/load_questions.py" />
            <source>Trust this weights file?</source>
            <translation>信任这个权重文件吗？</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/load_questions.py" />
            <source>Load it anyway? Only answer Yes if you trust where the file came from.</source>
            <translation>仍然加载吗？只有在你信任文件来源时才选“是”。</translation>
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
            <source>not uniform (widest shown)</source>
            <translation>不均匀（显示最宽的）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/math_panel.py" />
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>also sees the whole image</source>
            <translation>还能看到整幅图像</translation>
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
            <source>Built-in</source>
            <translation>内置</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>Which models the list shows: cnnviz's and torchvision's (built in), the CNNs of timm, or all. The search box finds every name.</source>
            <translation>列表显示哪些模型：cnnviz 和 torchvision 的（内置）、timm 的卷积网络，或全部。搜索框能找到所有名称。</translation>
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
            <source>Open model file (ONNX, Python)…</source>
            <translation>打开模型文件（ONNX、Python）…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>Open a model file: an ONNX model (.onnx) or a Python file (.py) with an nn.Module class.</source>
            <translation>打开模型文件：ONNX 模型（.onnx）或含 nn.Module 类的 Python 文件（.py）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>Opened</source>
            <translation>已打开</translation>
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
            <location filename="../../cnnviz/gui/inspect/model_panel.py" />
            <source>{0} has no pretrained weights: train it in the Train tab and open it here, or load a weights file.</source>
            <translation>{0} 没有预训练权重：请在“训练”页训练后在此打开，或加载权重文件。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>Colour: kind of layer</source>
            <translation>颜色：层类型</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>Colour: parameters</source>
            <translation>颜色：参数量</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>Colour: MACs</source>
            <translation>颜色：乘加次数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>Colour: output memory</source>
            <translation>颜色：输出占用内存</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>Colour: receptive field</source>
            <translation>颜色：感受野</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>Fold repeats ×N</source>
            <translation>折叠重复块 ×N</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>Draw runs of blocks with the same structure (ResNet's bottlenecks …) as one box ×N. Double-click a ×N box to open it, a box inside it to fold it again.</source>
            <translation>把连续出现的结构相同的块（如 ResNet 的瓶颈块 …）画成一个 ×N 方框。双击 ×N 方框可展开，双击其中的方框可重新折叠。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>Norm + activation in conv</source>
            <translation>归一化和激活并入卷积</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>Draw BatchNorm and activation layers inside the convolution before them (conv + BN + ReLU as one box).</source>
            <translation>把 BatchNorm 层和激活层画进它们之前的卷积里（卷积 + BN + ReLU 画成一个方框）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>Colour the boxes by kind, or by a figure of each layer on a log scale (dark: small, yellow: large; grey: none).</source>
            <translation>按层类型给方框着色，或按每层的某项数值（对数坐标）着色（深色：小，黄色：大；灰色：无）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>Fit the map to the width (0). Ctrl+wheel or +/− zooms, dragging pans.</source>
            <translation>让网络图适应宽度（0）。Ctrl+滚轮或 +/− 缩放，拖动可平移。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>Save the map as it is drawn (folding and colours) as SVG or PNG.</source>
            <translation>按当前画法（折叠和颜色）把网络图保存为 SVG 或 PNG。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>Map as SVG…</source>
            <translation>网络图导出为 SVG…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>Map as PNG…</source>
            <translation>网络图导出为 PNG…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>Click a box to select its layer · double-click ×N to open it · ↑/↓ walk · Ctrl+wheel zoom · drag to pan</source>
            <translation>单击方框选中其层 · 双击 ×N 展开 · ↑/↓ 逐层浏览 · Ctrl+滚轮缩放 · 拖动平移</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>The map is drawn when a model is loaded.</source>
            <translation>加载模型后即绘制网络图。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>Drawing the map of {0}…</source>
            <translation>正在绘制 {0} 的网络图…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>Could not draw the map: {0}</source>
            <translation>无法绘制网络图：{0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>{0} boxes · {1} arrows (of {2} layers and merges). Click a box to select its layer.</source>
            <translation>{0} 个方框 · {1} 个箭头（共 {2} 个层和合并点）。单击方框可选中其层。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>Double-click a ×N box to open it.</source>
            <translation>双击 ×N 方框可展开。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>The input image, {0}</source>
            <translation>输入图像，{0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>The model's output, {0}</source>
            <translation>模型的输出，{0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>{0}: combines its inputs ({1}) in {2}; output {3}</source>
            <translation>{0}：在 {2} 中合并其输入（{1}）；输出 {3}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>the model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>{0} blocks {1} with the same structure, folded ×{0} (double-click to open)</source>
            <translation>{0} 个结构相同的 {1} 块，折叠为 ×{0}（双击展开）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>with {0} inside</source>
            <translation>内含 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>Output {0}</source>
            <translation>输出 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>{0} parameters · {1} MACs · output {2}</source>
            <translation>{0} 个参数 · {1} 次乘加 · 输出 {2}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>Receptive field {0} px</source>
            <translation>感受野 {0} px</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>The map is not drawn yet.</source>
            <translation>网络图尚未绘制。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>SVG image (*.svg)</source>
            <translation>SVG 图像 (*.svg)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>Export the map</source>
            <translation>导出网络图</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Layers</source>
            <translation>层</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>Map</source>
            <translation>网络图</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/network_map/panel.py" />
            <source>The network as a graph: branches, merges, shapes on the arrows; click a box to select its layer</source>
            <translation>以图的形式展示网络：分支、合并，箭头上标有形状；单击方框可选中其层</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/open_model.py" />
            <source>Open model</source>
            <translation>打开模型</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/open_model.py" />
            <source>Models (*.onnx *.py);;ONNX models (*.onnx);;Python files (*.py);;All files (*)</source>
            <translation>模型 (*.onnx *.py);;ONNX 模型 (*.onnx);;Python 文件 (*.py);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/open_model.py" />
            <source>Which class builds the model? (The classes of {0} that derive from nn.Module; a factory function can be typed.)</source>
            <translation>由哪个类构建模型？（列出 {0} 中派生自 nn.Module 的类；也可以输入工厂函数。）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/open_model.py" />
            <source>{0} defines no nn.Module class. Type the name of the class or factory that builds the model:</source>
            <translation>{0} 没有定义 nn.Module 类。请输入构建模型的类或工厂函数的名称：</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/open_model.py" />
            <source>{0} is not a Python name.</source>
            <translation>{0} 不是合法的 Python 名称。</translation>
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
            <source>The model's output is not a number everywhere (NaN or infinite), so no class probability can be shown. Its weights or input may be broken.</source>
            <translation>模型的输出中有非数值（非数或无穷大），因此无法显示类别概率。可能是权重或输入有问题。</translation>
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
            <location filename="../../cnnviz/gui/inspect/side_panels.py" />
            <source>Why this class?</source>
            <translation>为什么是这个类别？</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/side_panels.py" />
            <source>What it detects</source>
            <translation>它检测什么</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/sketch_canvas.py" />
            <source>Draw here ({0}×{1})</source>
            <translation>在此绘制（{0}×{1}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/sketch_pad.py" />
            <source>Draw with the mouse, a pen or a finger; the right button erases. Each square is one pixel of the model's input.</source>
            <translation>用鼠标、手写笔或手指绘制；右键擦除。每个方格是模型输入的一个像素。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/sketch_pad.py" />
            <source> px</source>
            <translation> px</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/sketch_pad.py" />
            <source>Stroke width, in pixels of the model's input</source>
            <translation>笔画宽度（以模型输入的像素计）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/sketch_pad.py" />
            <source>Eraser: strokes paint the background (the right button always erases)</source>
            <translation>橡皮擦：笔画涂成背景色（右键始终擦除）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/sketch_pad.py" />
            <source>Undo the last stroke (Ctrl+Z)</source>
            <translation>撤销上一笔（Ctrl+Z）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/sketch_pad.py" />
            <source>Redo (Ctrl+Shift+Z)</source>
            <translation>重做（Ctrl+Shift+Z）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/sketch_pad.py" />
            <source>Clear the pad</source>
            <translation>清空画板</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/sketch_pad.py" />
            <source>Swap ink and background (white on black ↔ black on white)</source>
            <translation>交换笔迹色和背景色（黑底白字 ↔ 白底黑字）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/sketch_pad.py" />
            <source>Undo stroke</source>
            <translation>撤销笔画</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/sketch_pad.py" />
            <source>Redo stroke</source>
            <translation>重做笔画</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/sketch_pad.py" />
            <source>&amp;Draw the input (sketch pad)</source>
            <translation>手绘输入（画板）(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/sketch_pad.py" />
            <source>Draw</source>
            <translation>手绘</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/sketch_pad.py" />
            <source>Draw the input yourself: the pad replaces the Original picture and the network responds to every stroke.</source>
            <translation>亲手画出输入：画板取代“原图”，网络会对每一笔作出响应。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/sketch_pad.py" />
            <source>drawing</source>
            <translation>手绘图像</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Layer math</source>
            <translation>层的计算</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <location filename="../../cnnviz/gui/inspect/timelapse_compare.py" />
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
            <source>Show the layer tree (the side panel folds away)</source>
            <translation>显示层树（侧面板收起）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Panels</source>
            <translation>面板</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Show the side panels: layer math, kernels, top-5 … (the layer tree folds away)</source>
            <translation>显示侧面板：层的计算、卷积核、Top-5 …（层树收起）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Panel</source>
            <translation>面板</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>There is no panel called {0}; the panels are: {1}.</source>
            <translation>没有名为 {0} 的面板；可用的面板有：{1}。</translation>
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
            <source>&amp;Open model file…</source>
            <translation>打开模型文件(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Open an ONNX model (.onnx) or a Python file (.py) with an nn.Module class</source>
            <translation>打开 ONNX 模型（.onnx）或含 nn.Module 类的 Python 文件（.py）</translation>
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
            <source>Markdown (*.md)</source>
            <translation>Markdown (*.md)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/tab.py" />
            <source>Export summary</source>
            <translation>导出摘要</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/timelapse.py" />
            <source>{0} of {1}</source>
            <translation>第 {0}/{1} 个</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/timelapse.py" />
            <source>initial weights · {0}</source>
            <translation>初始权重 · {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/timelapse.py" />
            <source>epoch {0} (step {1}) · {2}</source>
            <translation>epoch {0}（第 {1} 步） · {2}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/timelapse.py" />
            <source>step {0} · {1}</source>
            <translation>第 {0} 步 · {1}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/timelapse.py" />
            <source>Training time-lapse:</source>
            <translation>训练过程回放：</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/timelapse.py" />
            <source>The weights kept while this model trained. Move the slider (or press Play) and the activations, top-5, kernels, Grad-CAM and receptive field show that moment: watch the first-layer filters form.</source>
            <translation>该模型训练期间保存的权重。拖动滑块（或按播放），激活图、Top-5、卷积核、Grad-CAM 和感受野就会显示那一时刻的状态：观察第一层滤波器逐渐成形。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/timelapse.py" />
            <source>Play the snapshots in order (the Kernels panel shows the filters forming)</source>
            <translation>按顺序播放快照（“卷积核”面板显示滤波器逐渐成形）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/timelapse.py" />
            <source>Compare…</source>
            <translation>对比…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/timelapse.py" />
            <source>Two snapshots (or two runs) side by side: kernels, activations and the top class, e.g. the initial weights against the trained ones</source>
            <translation>并排显示两个快照（或两次运行）：卷积核、激活图和最高类别，例如初始权重与训练后权重的对比</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/timelapse.py" />
            <source>This model was trained with a time-lapse; the Train tab brings it back.</source>
            <translation>这个模型训练时保存了训练过程回放；可由“训练”页重新载入。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/timelapse.py" />
            <source>Load time-lapse</source>
            <translation>载入训练过程回放</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/timelapse.py" />
            <source>Open this run from the Train tab again (what its Open in Inspect does), with the weights kept while it trained</source>
            <translation>从“训练”页重新打开这次运行（与其中的“在‘透视’页打开”相同），带上训练中保存的权重</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/timelapse.py" />
            <source>trained weights · {0} snapshots</source>
            <translation>训练后的权重 · {0} 个快照</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/timelapse.py" />
            <source>step {0}</source>
            <translation>第 {0} 步</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/timelapse.py" />
            <source>Training time-lapse</source>
            <translation>训练过程回放</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/timelapse.py" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/timelapse.py" />
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/timelapse_compare.py" />
            <source>The run (e.g. SGD or Adam) whose weights this side shows</source>
            <translation>这一侧显示哪次运行（例如 SGD 或 Adam）的权重</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/timelapse_compare.py" />
            <source>Activations</source>
            <translation>激活图</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/timelapse_compare.py" />
            <source>Kernels of {0}</source>
            <translation>{0} 的卷积核</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/timelapse_compare.py" />
            <source>No convolution to show</source>
            <translation>没有可显示的卷积</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/timelapse_compare.py" />
            <source>Activations of {0}</source>
            <translation>{0} 的激活图</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/timelapse_compare.py" />
            <source>Top class: {0} ({1:.1%})</source>
            <translation>最高类别：{0}（{1:.1%}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/inspect/timelapse_compare.py" />
            <source>Compare snapshots</source>
            <translation>对比快照</translation>
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
            <location filename="../../cnnviz/gui/lesson_keeper.py" />
            <source>Save lesson</source>
            <translation>保存课程</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lesson_keeper.py" />
            <source>cnnviz lessons (*{0})</source>
            <translation>cnnviz 课程 (*{0})</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lesson_keeper.py" />
            <source>The lesson was not saved: {0} is read-only.</source>
            <translation>课程未保存：{0} 是只读文件。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lesson_keeper.py" />
            <source>The lesson was not saved: {0}</source>
            <translation>课程未保存：{0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lesson_keeper.py" />
            <source>The lesson was saved to {0} ({1}), but these tabs could not save their part: {2}.</source>
            <translation>课程已保存到 {0}（{1}），但以下标签页无法保存各自的部分：{2}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lesson_keeper.py" />
            <source>Lesson saved to {0} ({1})</source>
            <translation>课程已保存到 {0}（{1}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lesson_keeper.py" />
            <source>Replace a read-only file?</source>
            <translation>替换只读文件？</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lesson_keeper.py" />
            <source>{0} is read-only. Replace it with this lesson anyway?</source>
            <translation>{0} 是只读文件。仍要用这个课程替换它吗？</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lesson_keeper.py" />
            <source>Open lesson</source>
            <translation>打开课程</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lesson_keeper.py" />
            <source>cnnviz lessons (*{0});;All files (*)</source>
            <translation>cnnviz 课程 (*{0});;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lesson_keeper.py" />
            <source>Opening a lesson replaces the work running in: {0}. Its curves are lost unless you save them first. Open the lesson now?</source>
            <translation>打开课程会替换以下标签页中正在运行的工作：{0}。除非先保存，否则其中的曲线将会丢失。现在打开课程吗？</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lesson_keeper.py" />
            <source>Some tabs could not take their part of the lesson: {0}. Their part is kept and saved back unchanged.</source>
            <translation>有些标签页无法恢复课程中属于它的部分：{0}。这些部分会被保留，并原样保存回去。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lesson_keeper.py" />
            <source>Lesson opened: {0}</source>
            <translation>已打开课程：{0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lesson_keeper.py" />
            <source>Run code from this lesson?</source>
            <translation>运行这个课程中的代码吗？</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lesson_keeper.py" />
            <source>The lesson {0} uses a model defined in Python code:

{1}

Opening it runs that code with your permissions. Only answer Yes if you trust whoever made the lesson and the code. With No, the rest of the lesson opens without this model.</source>
            <translation>课程 {0} 使用了一个用 Python 代码定义的模型：

{1}

打开它会以你的权限运行这段代码。只有当你信任课程的制作者和这段代码时，才回答“是”。若选“否”，课程的其余部分照常打开，只是不含这个模型。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lesson_keeper.py" />
            <source>Do not ask again for this exact file</source>
            <translation>对完全相同的这个文件不再询问</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>{0} is damaged: its content is not a lesson. The file was not changed.</source>
            <translation type="vanished">{0} 已损坏：内容不是课程。文件未做任何改动。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>The lesson cannot be saved: a tab's state is not plain data ({0}).</source>
            <translation type="vanished">无法保存课程：某个标签页的状态不是纯数据（{0}）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>The lesson was not saved to {0}: {1}.</source>
            <translation type="vanished">课程未保存到 {0}：{1}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>The file was not changed.</source>
            <translation type="vanished">文件未做任何改动。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>{0} is too large to be a lesson ({1} MB). {2}</source>
            <translation type="vanished">{0} 太大，不像是课程文件（{1} MB）。{2}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>{0} does not exist.</source>
            <translation type="vanished">{0} 不存在。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>{0} cannot be read: {1}.</source>
            <translation type="vanished">无法读取 {0}：{1}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>{0} is damaged or is not a lesson file (it is not valid JSON). {1}</source>
            <translation type="vanished">{0} 已损坏或不是课程文件（不是有效的 JSON）。{1}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>{0} is not a cnnviz lesson (it lacks the kind / version / data fields). {1}</source>
            <translation type="vanished">{0} 不是 cnnviz 课程（缺少 kind / version / data 字段）。{1}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>{0} is a “{1}” file, not a cnnviz lesson. {2}</source>
            <translation type="vanished">{0} 是“{1}”文件，不是 cnnviz 课程。{2}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>{0} is damaged: its version is not a whole number. {1}</source>
            <translation type="vanished">{0} 已损坏：版本号不是整数。{1}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/lessons.py" />
            <source>{0} was saved by a newer cnnviz (lesson format {1}; this one reads up to {2}). Update cnnviz to open it. {3}</source>
            <translation type="vanished">{0} 由更新版本的 cnnviz 保存（课程格式 {1}；本版本最多读取到 {2}）。请更新 cnnviz 后再打开。{3}</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Main toolbar</source>
            <translation>主工具栏</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Loading PyTorch…</source>
            <translation>正在加载 PyTorch…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <location filename="../../cnnviz/gui/tab_set.py" />
            <source>Inspect</source>
            <translation>透视</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Switching the language rebuilds every tab and stops the work running in: {0}. Switch now?</source>
            <translation>切换语言会重建所有标签页，并停止正在运行的工作：{0}。现在切换吗？</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>It holds the details of unexpected errors.</source>
            <translation>其中记录了意外错误的详细信息。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Nothing was logged yet.</source>
            <translation>尚未记录任何内容。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Log file</source>
            <translation>日志文件</translation>
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
            <location filename="../../cnnviz/gui/tab_set.py" />
            <source>Explain</source>
            <translation>讲解</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>&amp;Model</source>
            <translation>模型(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>Every keyboard shortcut, tab by tab</source>
            <translation>所有键盘快捷键，按标签页列出</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>Show the &amp;log file</source>
            <translation>显示日志文件(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>Where cnnviz writes the details of unexpected errors</source>
            <translation>cnnviz 记录意外错误详细信息的位置</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>&amp;About cnnviz</source>
            <translation>关于 cnnviz(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>Open &amp;lesson…</source>
            <translation>打开课程(&amp;L)…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>Open a lesson file: every tab as it was saved</source>
            <translation>打开课程文件：每个标签页恢复到保存时的样子</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>&amp;Save lesson</source>
            <translation>保存课程(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>Save every tab's state to the current lesson file</source>
            <translation>把每个标签页的状态保存到当前课程文件</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>Save lesson &amp;as…</source>
            <translation>课程另存为(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>Save every tab's state to a new lesson file</source>
            <translation>把每个标签页的状态保存到新的课程文件</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>&amp;Full screen</source>
            <translation>全屏(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>Fill the screen (for projectors); F11 again to leave</source>
            <translation>占满整个屏幕（用于投影）；再按 F11 退出</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>&amp;Presenter view</source>
            <translation>演示者视图(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>A second window (or screen) that shows one Inspect panel large; F10 again closes it</source>
            <translation>另开一个窗口（或屏幕），放大显示“透视”页的一个面板；再按 F10 关闭</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>Zoom &amp;in</source>
            <translation>放大(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>Larger text, pictures and plots</source>
            <translation>更大的文字、图片和图表</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>Zoom &amp;out</source>
            <translation>缩小(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>Smaller text, pictures and plots</source>
            <translation>更小的文字、图片和图表</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>&amp;Reset zoom</source>
            <translation>重置缩放(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>Back to 100 %</source>
            <translation>恢复到 100 %</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>&amp;Theme</source>
            <translation>主题(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>Show &amp;toolbar</source>
            <translation>显示工具栏(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/menus.py" />
            <source>Buttons of the current tab under the menus</source>
            <translation>在菜单下方显示当前标签页的按钮</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/tab_set.py" />
            <source>Playground</source>
            <translation>试验场</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/presentation.py" />
            <source>Zoom {0:.0f}%</source>
            <translation>缩放 {0:.0f}%</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/presentation.py" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/presentation.py" />
            <source>The translation for {0} is missing; the interface stays in English.</source>
            <translation>缺少{0}的翻译；界面保持英文。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/presentation.py" />
            <source>Stop running work?</source>
            <translation>停止正在运行的工作？</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/settings_file.py" />
            <source>The settings file {0} cannot be written, so the choices you make now will be forgotten when cnnviz closes.</source>
            <translation>无法写入设置文件 {0}，因此你现在所做的选择将在 cnnviz 关闭后丢失。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/settings_file.py" />
            <source>The settings file {0} cannot be read. It is left untouched; this session uses default settings.</source>
            <translation>无法读取设置文件 {0}。该文件保持原样；本次会话使用默认设置。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/settings_file.py" />
            <source>The settings file was damaged. It was kept as {0}; cnnviz starts with default settings.</source>
            <translation>设置文件已损坏。它被保留为 {0}；cnnviz 使用默认设置启动。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/settings_file.py" />
            <source>The settings file {0} is damaged and could not be moved aside. It is left untouched; this session uses default settings.</source>
            <translation>设置文件 {0} 已损坏，且无法移到一旁。它保持原样；本次会话使用默认设置。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/settings_file.py" />
            <source>The settings file {0} comes from a newer cnnviz. It is left untouched; this session uses default settings.</source>
            <translation>设置文件 {0} 来自更新版本的 cnnviz。它不会被改动；本次运行使用默认设置。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/tab_set.py" />
            <source>Train</source>
            <translation>训练</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/startup.py" />
            <source>Screenshot</source>
            <translation>截图</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/startup.py" />
            <source>The views were still busy after {0:g} s (a model that never returns?); the picture shows them as they were.</source>
            <translation>{0:g} 秒后视图仍在忙（模型一直没有返回？）；截图显示的是它们当时的样子。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/startup.py" />
            <source>Window size</source>
            <translation>窗口尺寸</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/startup.py" />
            <source>The window needs at least {0}×{1} pixels here; {2}×{3} was asked for, so parts are cut off.</source>
            <translation>这里窗口至少需要 {0}×{1} 像素；请求的是 {2}×{3}，因此部分内容被裁掉了。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/status_bar.py" />
            <source>What this tab works on · memory in use</source>
            <translation>本页正在处理的内容 · 内存占用</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/status_bar.py" />
            <source>memory {0}</source>
            <translation>内存 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/tab_set.py" />
            <source>This tab failed to start: {0}. Help → Show the log file has the details.</source>
            <translation>此标签页启动失败：{0}。详情请看“帮助 → 显示日志文件”。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Larger text and plots</source>
            <translation type="vanished">更大的文字和图表</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Smaller text and plots</source>
            <translation type="vanished">更小的文字和图表</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Switch language</source>
            <translation type="vanished">切换语言</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Save lesson</source>
            <translation type="vanished">保存课程</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>cnnviz lessons (*{0})</source>
            <translation type="vanished">cnnviz 课程 (*{0})</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Lesson saved to {0}</source>
            <translation type="vanished">课程已保存到 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Open lesson</source>
            <translation type="vanished">打开课程</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>cnnviz lessons (*{0});;All files (*)</source>
            <translation type="vanished">cnnviz 课程 (*{0});;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Some tabs could not take their part of the lesson: {0}.</source>
            <translation type="vanished">有些标签页无法恢复课程中属于它的部分：{0}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>Lesson opened: {0}</source>
            <translation type="vanished">已打开课程：{0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/app.py" />
            <source>This tab failed to start; see the terminal for details.</source>
            <translation type="vanished">此标签页启动失败；详情请看终端输出。</translation>
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
            <location filename="../../cnnviz/gui/playground/race_column.py" />
            <source>One step back (Left arrow)</source>
            <translation>后退一步（←）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/race_column.py" />
            <source>One step forward (Right arrow)</source>
            <translation>前进一步（→）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/setup_panel.py" />
            <source>Steps</source>
            <translation>步数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/race_column.py" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/race_column.py" />
            <source>Play</source>
            <translation>播放</translation>
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
            <source>loss (log scale)</source>
            <translation>损失（对数坐标）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/loss_view.py" />
            <source>The optimizers racing, in the colours of their curves</source>
            <translation>正在竞赛的优化器，颜色与各自的曲线一致</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/loss_view.py" />
            <source> (diverged)</source>
            <translation>（已发散）</translation>
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
            <location filename="../../cnnviz/gui/playground/race_column.py" />
            <source>Restart</source>
            <translation>重新开始</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/race_column.py" />
            <source>Back to step 0 and play (Home)</source>
            <translation>回到第 0 步并播放（Home）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/race_column.py" />
            <source>Back</source>
            <translation>后退</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/race_column.py" />
            <source>Play or pause the race (Space)</source>
            <translation>播放或暂停竞赛（空格）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/race_column.py" />
            <source>Step</source>
            <translation>单步</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/race_column.py" />
            <source>End</source>
            <translation>结尾</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/race_column.py" />
            <source>Jump to the last step (End)</source>
            <translation>跳到最后一步（End）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/race_column.py" />
            <source>{0:g} steps/frame</source>
            <translation>每帧 {0:g} 步</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/race_column.py" />
            <source>1 step/frame</source>
            <translation>每帧 1 步</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/race_column.py" />
            <source>Animation speed: optimizer steps per displayed frame (+ / −)</source>
            <translation>动画速度：每显示一帧走多少个优化步（+ / −）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/race_column.py" />
            <source>Drag to any step of the race</source>
            <translation>拖动到竞赛的任意一步</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/race_column.py" />
            <source>step {0} / {1}</source>
            <translation>第 {0} / {1} 步</translation>
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
            <location filename="../../cnnviz/gui/playground/racer_panel.py" />
            <source>✕ diverged at step {0}</source>
            <translation>✕ 在第 {0} 步发散</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/racer_panel.py" />
            <source>loss {0:.3g} at ({1:.3f}, {2:.3f})</source>
            <translation>损失 {0:.3g}，位于 ({1:.3f}, {2:.3f})</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/setup_panel.py" />
            <source>Surface</source>
            <translation>曲面</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/setup_panel.py" />
            <source>The loss surface f(x, y) the optimizers descend.</source>
            <translation>优化器要下降的损失曲面 f(x, y)。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/setup_panel.py" />
            <source>Start</source>
            <translation>起点</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/setup_panel.py" />
            <source>Where every optimizer starts. Click on the surface to move it.</source>
            <translation>所有优化器的出发点。点击曲面可以移动它。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/setup_panel.py" />
            <source>How many optimizer steps each racer takes.</source>
            <translation>每个选手走多少步。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/setup_panel.py" />
            <source>Start point coordinate; or click on the surface.</source>
            <translation>起点坐标；也可以点击曲面。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/setup_panel.py" />
            <source>Optimizers (torch.optim)</source>
            <translation>优化器（torch.optim）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/setup_panel.py" />
            <source>Suggested learning rates</source>
            <translation>推荐的学习率</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/setup_panel.py" />
            <source>Put back the learning rates tuned for this surface (torch's defaults are made for neural networks and barely move on a 2-D bowl).</source>
            <translation>恢复为针对这个曲面调好的学习率（torch 的默认值是为神经网络设计的，在二维碗上几乎不动）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/surface_view.py" />
            <source>The loss surface: pale = low loss, blue = high loss; lines are contour levels, log-spaced. ★ marks the minima, the white square the start.
Click anywhere to start the race from there. Wheel: zoom; drag: pan.</source>
            <translation>损失曲面：浅色 = 损失低，蓝色 = 损失高；线条是按对数间隔的等高线。★ 标出最小值，白色方块是起点。
点击任意位置，从那里开始竞赛。滚轮：缩放；拖动：平移。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/surface_view.py" />
            <source>Computing the surface…</source>
            <translation>正在计算曲面…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/surface_view.py" />
            <source>Computing the paths…</source>
            <translation>正在计算路径…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Show the surface and optimizer settings</source>
            <translation>显示曲面和优化器设置</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Loss and lr bound</source>
            <translation>损失与学习率上限</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Show the loss curves and the learning-rate lesson</source>
            <translation>显示损失曲线和学习率上限的讲解</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>Playground</source>
            <translation>试验场</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/tab.py" />
            <source>{0} optimizers</source>
            <translation>{0} 个优化器</translation>
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
            <location filename="../../cnnviz/gui/playground/race_column.py" />
            <source>Click the surface to start from there. ★ = minimum, □ = start, ✕ = diverged.</source>
            <translation>点击曲面即可从那里出发。★ = 最小值，□ = 起点，✕ = 发散。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/racer_panel.py" />
            <source>valid range</source>
            <translation>有效范围</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/playground/setup_panel.py" />
            <source>range</source>
            <translation>范围</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>angle</source>
            <translation>角度</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>steepness</source>
            <translation>陡度</translation>
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
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Quadratic bowl ½xᵀHx</source>
            <translation type="vanished">二次碗 ½xᵀHx</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>A bowl whose curvature is λ1 along one axis and λ2 along the other, turned by θ. The ratio λmax/λmin (the condition number) makes it a round bowl or a narrow ravine. Gradient descent converges here exactly when 0 &lt; lr &lt; 2/λmax.</source>
            <translation type="vanished">一个碗：沿一个轴的曲率为 λ1，沿另一个轴为 λ2，并旋转 θ 度。比值 λmax/λmin（条件数）决定它是圆碗还是狭长的沟谷。在这里梯度下降恰好在 0 &lt; lr &lt; 2/λmax 时收敛。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Curvature (eigenvalue of H) along the first axis.</source>
            <translation type="vanished">沿第一个轴的曲率（H 的特征值）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Curvature (eigenvalue of H) along the second axis.</source>
            <translation type="vanished">沿第二个轴的曲率（H 的特征值）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Rotation of the bowl's axes, in degrees.</source>
            <translation type="vanished">碗的主轴旋转角度（度）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Rosenbrock's banana</source>
            <translation type="vanished">Rosenbrock 香蕉函数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>A curved, flat-bottomed valley. Finding the valley is easy; following its bend to the minimum at (a, a²) is slow for plain gradient descent.</source>
            <translation type="vanished">一条弯曲、谷底平坦的山谷。找到山谷很容易；沿着弯道走到最小值 (a, a²) 对普通梯度下降却很慢。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>The minimum sits at (a, a²).</source>
            <translation type="vanished">最小值位于 (a, a²)。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Steepness of the valley walls.</source>
            <translation type="vanished">谷壁的陡峭程度。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Himmelblau (four minima)</source>
            <translation type="vanished">Himmelblau（四个最小值）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Four equally deep minima. Which one an optimizer reaches depends on where it starts and on how it moves: momentum can carry it past the nearest basin.</source>
            <translation type="vanished">四个同样深的最小值。优化器到达哪一个取决于起点和它的运动方式：动量可能把它带过最近的盆地。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Beale</source>
            <translation type="vanished">Beale 函数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Flat plateaus and very steep corners around a narrow valley to the minimum at (3, 0.5): the gradient's size changes by orders of magnitude, which adaptive methods handle better.</source>
            <translation type="vanished">平坦的高原和极陡的角落，中间一条狭窄的山谷通向最小值 (3, 0.5)：梯度大小相差几个数量级，自适应方法更能应对。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Rastrigin (many local minima)</source>
            <translation type="vanished">Rastrigin（大量局部最小值）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>A bowl covered in bumps: every integer point is a local minimum. Gradient methods stop in the first dip they meet; only the one at (0, 0) is global.</source>
            <translation type="vanished">布满凸起的碗：每个整数点都是局部最小值。梯度方法会停在遇到的第一个凹陷；只有 (0, 0) 是全局最小值。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Height of the bumps (0 gives a plain bowl).</source>
            <translation type="vanished">凸起的高度（0 时为普通的碗）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Saddle x² − y²</source>
            <translation type="vanished">鞍面 x² − y²</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Downhill in y, uphill in x, with a flat point at (0, 0) that is not a minimum. Starting almost on the ridge, plain gradient descent lingers near the saddle before escaping; the loss has no lower bound, so every path eventually leaves the plot.</source>
            <translation type="vanished">沿 y 下坡、沿 x 上坡，(0, 0) 处梯度为零却不是最小值。从几乎位于山脊上的点出发，普通梯度下降会在鞍点附近徘徊后才逃离；损失无下界，所以每条路径最终都会离开画面。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Narrow winding valley</source>
            <translation type="vanished">狭窄弯曲的山谷</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>Gentle along the valley floor, steep across it (curvatures about 0.2 and 2s). Plain gradient descent bounces between the walls; momentum and adaptive steps follow the floor.</source>
            <translation type="vanished">沿谷底平缓，横穿山谷陡峭（曲率约为 0.2 与 2s）。普通梯度下降在两壁之间来回弹跳；动量和自适应步长则沿谷底前进。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/surfaces.py" />
            <source>s: how steep the valley walls are.</source>
            <translation type="vanished">s：谷壁的陡峭程度。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Plain gradient descent: step = −lr · gradient.</source>
            <translation type="vanished">普通梯度下降：每步更新 = −lr · 梯度。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Learning rate: how far each step moves along the (processed) gradient.</source>
            <translation type="vanished">学习率：每一步沿（处理后的）梯度移动多远。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Pulls every parameter a little towards zero each step (L2 penalty).</source>
            <translation type="vanished">每一步把每个参数往 0 拉一点（L2 惩罚）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>SGD with a velocity: v = μv + g, step = −lr · v (torch.optim.SGD, momentum &gt; 0).</source>
            <translation type="vanished">带速度的 SGD：v = μv + g，每步更新 = −lr · v（torch.optim.SGD，momentum &gt; 0）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Fraction of the previous step kept: a heavy ball that rolls on through small bumps.</source>
            <translation type="vanished">保留上一步的比例：像一个重球，会滚过小的起伏。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Scales down the new gradient added to the velocity.</source>
            <translation type="vanished">加入速度时把新梯度缩小的比例。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Momentum that looks ahead: the gradient is corrected by where the velocity is taking it.</source>
            <translation type="vanished">向前看的动量：用速度将要到达的位置修正梯度。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Divides each coordinate's step by the root of its summed squared gradients: steps only ever shrink.</source>
            <translation type="vanished">每个坐标的步长除以其梯度平方和的平方根：步长只会越来越小。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Shrinks lr as 1/(1 + (t−1)·lr_decay).</source>
            <translation type="vanished">按 1/(1 + (t−1)·lr_decay) 缩小学习率。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Starting value of the sum of squared gradients.</source>
            <translation type="vanished">梯度平方和的初始值。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Added to the denominator so that a tiny gradient history does not divide by zero.</source>
            <translation type="vanished">加在分母上，防止梯度历史很小时除以零。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Like Adagrad, but forgets old gradients: divides by a running RMS of recent ones.</source>
            <translation type="vanished">类似 Adagrad，但会遗忘旧梯度：除以最近梯度的滑动均方根。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Decay of the running mean of squared gradients.</source>
            <translation type="vanished">梯度平方滑动平均的衰减率。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Optional momentum on top of the scaled step.</source>
            <translation type="vanished">在缩放后的步长上可选的动量。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Step size from the ratio of running RMS of past steps to that of gradients: starts tiny, grows.</source>
            <translation type="vanished">步长取自过去步长与梯度的滑动均方根之比：开始很小，逐渐变大。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Decay of the running means of squared gradients and steps.</source>
            <translation type="vanished">梯度平方与步长平方滑动平均的衰减率。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Momentum plus RMSProp scaling, bias-corrected: each coordinate moves about lr per step.</source>
            <translation type="vanished">动量加 RMSProp 缩放并做偏差校正：每个坐标每步大约移动 lr。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Decay of the running mean of gradients (the momentum part).</source>
            <translation type="vanished">梯度滑动平均的衰减率（动量部分）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Decay of the running mean of squared gradients (the per-direction step size).</source>
            <translation type="vanished">梯度平方滑动平均的衰减率（决定各方向的步长）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Adam with decoupled weight decay (pulls towards (0, 0) independently of the gradient scaling).</source>
            <translation type="vanished">带解耦权重衰减的 Adam（独立于梯度缩放地拉向 (0, 0)）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/core/playground/optimizers.py" />
            <source>Decoupled weight decay: shrinks the parameters directly, not through the gradient.</source>
            <translation type="vanished">解耦的权重衰减：直接缩小参数，而不经过梯度。</translation>
        </message>
    </context>
    <context>
        <name>Presenter</name>
        <message>
            <location filename="../../cnnviz/gui/presenter.py" />
            <source>Layer math</source>
            <translation>层的计算</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/presenter.py" />
            <source>Kernels</source>
            <translation>卷积核</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/presenter.py" />
            <source>Activation grid</source>
            <translation>激活图网格</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/presenter.py" />
            <source>Model input with its overlay</source>
            <translation>模型输入及叠加图</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/presenter.py" />
            <source>Selected channel</source>
            <translation>选中的通道</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/presenter.py" />
            <source>Top-5 and Grad-CAM</source>
            <translation>Top-5 与 Grad-CAM</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/presenter.py" />
            <source>cnnviz · Presenter view</source>
            <translation>cnnviz · 演示者视图</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/presenter.py" />
            <source>Show:</source>
            <translation>显示：</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/presenter.py" />
            <source>Screen:</source>
            <translation>屏幕：</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/presenter.py" />
            <source>Full screen</source>
            <translation>全屏</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/presenter.py" />
            <source>Fill the chosen screen (F11; Esc leaves). Keep working in the main window: this one follows every change.</source>
            <translation>占满所选屏幕（F11；按 Esc 退出）。请继续在主窗口中操作：此窗口会跟随每一处改动。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/presenter.py" />
            <source>{0}: {1} ({2}×{3})</source>
            <translation>{0}：{1}（{2}×{3}）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/presenter.py" />
            <source>The Inspect tab is not open, so there is nothing to present.</source>
            <translation>“透视”页没有打开，因此没有可演示的内容。</translation>
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
            <source>Explain</source>
            <translation>讲解</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Playground</source>
            <translation>试验场</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Train</source>
            <translation>训练</translation>
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
            <source>Network map: previous / next layer</source>
            <translation>网络图：上一层 / 下一层</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Network map: zoom in / out</source>
            <translation>网络图：放大 / 缩小</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Network map: zoom with the wheel</source>
            <translation>网络图：用滚轮缩放</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>wheel</source>
            <translation>滚轮</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Network map: fit the width</source>
            <translation>网络图：适应宽度</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Network map: open the selected layer</source>
            <translation>网络图：打开选中的层</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Sketch pad: undo / redo a stroke</source>
            <translation>画板：撤销 / 重做一笔</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Presenter view</source>
            <translation>演示者视图</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Full screen on / off</source>
            <translation>打开 / 关闭全屏</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Leave full screen</source>
            <translation>退出全屏</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>Close the presenter view</source>
            <translation>关闭演示者视图</translation>
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
            <source>Curves: show all the data again after a zoom</source>
            <translation>曲线：缩放后重新显示全部数据</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/shortcuts.py" />
            <source>double-click</source>
            <translation>双击</translation>
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
        <name>TrainLandscape</name>
        <message>
            <location filename="../../cnnviz/gui/train/landscape_view.py" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/landscape_view.py" />
            <source>Cancelled.</source>
            <translation>已取消。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/landscape_view.py" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/landscape_view.py" />
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/landscape_view.py" />
            <source>plane of the paths (PCA)</source>
            <translation>路径所在平面（主成分分析）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/landscape_view.py" />
            <source>random directions (filter-normalised)</source>
            <translation>随机方向（按滤波器归一化）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/landscape_view.py" />
            <source>The plane through the shared initial weights: the two directions the runs' weights moved along most, or two random directions scaled filter by filter like the weights (Li et al. 2018).</source>
            <translation>经过共同初始权重的平面：取各次运行的权重移动最多的两个方向，或两个逐滤波器缩放到与权重同尺度的随机方向（Li et al. 2018）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/landscape_view.py" />
            <source>grid </source>
            <translation>网格 </translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/landscape_view.py" />
            <source>Points per side of the grid: the loss is evaluated grid × grid times.</source>
            <translation>网格每边的点数：损失要计算 网格 × 网格 次。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/landscape_view.py" />
            <source> images</source>
            <translation> 张图像</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/landscape_view.py" />
            <source>Training images the loss is measured on at every grid point.</source>
            <translation>在每个网格点上用来测量损失的训练图像数。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/landscape_view.py" />
            <source>Compute landscape</source>
            <translation>计算损失地形</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/landscape_view.py" />
            <source>Evaluate the loss over the plane and project every run's path on it.</source>
            <translation>在平面上计算损失，并把每次运行的路径投影到平面上。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/landscape_view.py" />
            <source>Animate the runs' paths step by step.</source>
            <translation>逐步播放各次运行的路径。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/landscape_view.py" />
            <source>Show the paths up to this snapshot.</source>
            <translation>显示到这个快照为止的路径。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/landscape_view.py" />
            <source>Train first, with Keep weights on (every epoch, or every N steps for smoother paths): the landscape needs each run's weights along the way.</source>
            <translation>请先训练，并打开“保留权重”（每个 epoch，或每 N 步以得到更平滑的路径）：损失地形需要每次运行沿途的权重。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/landscape_view.py" />
            <source>Computing the landscape…</source>
            <translation>正在计算损失地形…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/landscape_view.py" />
            <source>{0} of {1} grid points gave a NaN or infinite loss (crossed out).</source>
            <translation>{1} 个网格点中有 {0} 个的损失为非数值或无穷大（已打叉）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/landscape_view.py" />
            <source>Colour and contours: log of the loss on {0}×{0} points; star: the shared initial weights (loss {1:.3g}).</source>
            <translation>颜色和等高线：{0}×{0} 个点上损失的对数；星号：共同的初始权重（损失 {1:.3g}）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/landscape_view.py" />
            <source>This plane holds {0:.0%} of the paths' movement.</source>
            <translation>这个平面包含了路径移动量的 {0:.0%}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/landscape_view.py" />
            <source>Diverged runs left out (their weights fly off the plane): {0}.</source>
            <translation>未画出已发散的运行（它们的权重飞出了平面）：{0}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/views.py" />
            <source>Landscape</source>
            <translation>损失地形</translation>
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
            <source>epoch</source>
            <translation>epoch</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/plot_series.py" />
            <location filename="../../cnnviz/gui/train/plots.py" />
            <source>diverged</source>
            <translation>已发散</translation>
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
            <source>Wheel: zoom · drag: pan · double-click: all the data again</source>
            <translation>滚轮：缩放 · 拖动：平移 · 双击：重新显示全部数据</translation>
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
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <source>Scale to stable runs</source>
            <translation>按稳定的运行缩放</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <source>Fit the loss axes to the runs that did not diverge, so one exploding run does not flatten the others (the diverged run is marked ✕ where it leaves the view).</source>
            <translation>损失坐标轴只适配未发散的运行，免得一次爆炸的运行把其他曲线压平（发散的运行在离开视图处标记 ✕）。</translation>
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
            <source>Run</source>
            <translation>运行</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/run_form.py" />
            <source>The run's name in the legend and in the CSV.</source>
            <translation>这次运行在图例和 CSV 中的名称。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/run_form.py" />
            <source>The update rule this run uses.</source>
            <translation>这次运行使用的更新规则。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/run_form.py" />
            <source>same as setup</source>
            <translation>与公共设置相同</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/run_form.py" />
            <source>This run's batch size (0: the batch size of the setup).</source>
            <translation>这次运行的批大小（0：使用公共设置的批大小）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/run_form.py" />
            <source>How the learning rate changes during training.</source>
            <translation>训练过程中学习率如何变化。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/run_form.py" />
            <source>BatchNorm</source>
            <translation>BatchNorm</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/run_form.py" />
            <source>Add BatchNorm after every convolution (models that offer it).</source>
            <translation>在每个卷积之后加入 BatchNorm（仅限支持它的模型）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/run_form.py" />
            <source>Dropout probability before each linear layer (models that offer it).</source>
            <translation>每个全连接层之前的 Dropout 概率（仅限支持它的模型）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/run_form.py" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/run_form.py" />
            <source>Optimizer</source>
            <translation>优化器</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/run_form.py" />
            <source>Batch size</source>
            <translation>批大小</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/run_form.py" />
            <source>LR schedule</source>
            <translation>学习率调度</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/run_form.py" />
            <source>Dropout</source>
            <translation>Dropout</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/run_form.py" />
            <source>Allowed: {0}</source>
            <translation>允许的取值：{0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/run_form.py" />
            <source>{0}: “{1}” is not a number.</source>
            <translation>{0}：“{1}”不是数字。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/runs_panel.py" />
            <source>paused</source>
            <translation>已暂停</translation>
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
        <name>TrainSharpness</name>
        <message>
            <location filename="../../cnnviz/gui/train/sharpness_view.py" />
            <source>step</source>
            <translation>步数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sharpness_view.py" />
            <source>Sharpness (solid) and each optimizer's stability edge (dashed)</source>
            <translation>锐度（实线）和各优化器的稳定性边缘（虚线）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sharpness_view.py" />
            <source>sharpness</source>
            <translation>锐度</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sharpness_view.py" />
            <source>{run}: {count} estimate(s) NaN, not drawn. {why}</source>
            <translation>{run}：{count} 个估计值为非数值，未画出。{why}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sharpness_view.py" />
            <source>Sharpness was not tracked: set Sharpness to every K steps in the setup, then Start (the edge-of-stability lesson does).</source>
            <translation>没有跟踪锐度：在设置中把“锐度”设为每 K 步一次，然后按“开始”（“稳定性边缘”课程就是这样设置的）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/views.py" />
            <source>Sharpness</source>
            <translation>锐度</translation>
        </message>
    </context>
    <context>
        <name>TrainSweep</name>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_live.py" />
            <source>step</source>
            <translation>步数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_live.py" />
            <source>loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>epoch</source>
            <translation>epoch</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>diverged</source>
            <translation>已发散</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>Optimizer</source>
            <translation>优化器</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Seeds</source>
            <translation>种子</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_live.py" />
            <source>Training loss of every run (colour: optimizer; lighter: smaller learning rate)</source>
            <translation>每次运行的训练损失（颜色：优化器；越浅：学习率越小）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_live.py" />
            <source>Start a sweep: every run's training loss is drawn here as its rows arrive.</source>
            <translation>开始扫描后，每次运行的训练损失会随数据到达画在这里。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_live.py" />
            <source>Waiting for the runs' first training rows…</source>
            <translation>正在等待各次运行的第一批训练数据…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_live.py" />
            <source>No training rows arrived before the stop: no curve to draw.</source>
            <translation>停止前没有收到任何训练数据：没有可画的曲线。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_live.py" />
            <source>No training rows arrived before the sweep ended: no curve to draw.</source>
            <translation>扫描结束前没有收到任何训练数据：没有可画的曲线。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Live</source>
            <translation>实时</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Table</source>
            <translation>表格</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Heat map</source>
            <translation>热力图</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Tuned</source>
            <translation>调优后</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Ranking</source>
            <translation>排名</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Learning rates</source>
            <translation>学习率</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>LOW:HIGH:COUNT for COUNT rates log-spaced from LOW to HIGH (1e-4:1:7), or a list (0.01, 0.03, 0.1).</source>
            <translation>下限:上限:个数，表示从下限到上限按对数均匀取这么多个学习率（如 1e-4:1:7）；或一个列表（如 0.01, 0.03, 0.1）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Each run is repeated with this many seeds (initial weights and batch order together, starting at the setup's weights seed): the spread shows what luck does.</source>
            <translation>每个运行用这么多个种子重复（初始权重和批次顺序一起变，从公共设置中的权重种子开始）：结果的波动显示了运气的影响。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>local processes</source>
            <translation>本机进程</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Ray cluster</source>
            <translation>Ray 集群</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Where the runs train: worker processes on this computer, or Ray (on this computer, or a cluster at the address given).</source>
            <translation>在哪里训练：本机上的工作进程，或 Ray（在本机上，或在给定地址的集群上）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>workers </source>
            <translation>并行数 </translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Runs at the same time; each pins its own share of the cores.</source>
            <translation>同时进行的运行数；每个运行独占自己的一份 CPU 核心。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Ray address (empty: this computer)</source>
            <translation>Ray 地址（留空：本机）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>ray://host:10001 or auto; every node needs cnnviz, torch and the data.</source>
            <translation>ray://主机:10001 或 auto；每个节点都需要有 cnnviz、torch 和数据。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Start sweep</source>
            <translation>开始扫描</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Train every optimizer at every learning rate with every seed.</source>
            <translation>每个优化器在每个学习率下、用每个种子各训练一次。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Stop sweep</source>
            <translation>停止扫描</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>End every run's process now; the runs that ended are kept.</source>
            <translation>立即结束所有运行的进程；已结束的运行会保留。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Save results…</source>
            <translation>保存结果…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Choose optimizers, learning rates and seeds; the setup on the left is shared.</source>
            <translation>选择优化器、学习率和种子；左侧的设置由所有运行共用。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Optimizers: {0}</source>
            <translation>优化器：{0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>The optimizers to compare, each tuned over the learning-rate grid.</source>
            <translation>要比较的优化器，每个都在学习率网格上调优。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>{0} rates</source>
            <translation>{0} 个学习率</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Ray is not installed: pip install 'cnnviz[ray]', or choose local processes.</source>
            <translation>未安装 Ray：请运行 pip install 'cnnviz[ray]'，或选择本机进程。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Cannot start the sweep: {0}</source>
            <translation>无法开始扫描：{0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Starting {0} runs in worker processes…</source>
            <translation>正在工作进程中启动 {0} 次运行…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Stopping every run…</source>
            <translation>正在停止所有运行…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Folder for the sweep's results</source>
            <translation>保存扫描结果的文件夹</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Cannot save the results: {0}</source>
            <translation>无法保存结果：{0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Results written to {0}</source>
            <translation>结果已写入 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>{0} training</source>
            <translation>训练中 {0} 个</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>{0} diverged</source>
            <translation>已发散 {0} 个</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>{0} failed</source>
            <translation>失败 {0} 个</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>{0} stopped</source>
            <translation>已停止 {0} 个</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>{0} of {1} runs finished</source>
            <translation>{1} 个运行中已完成 {0} 个</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Stopped: {0}</source>
            <translation>已停止：{0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Sweep over: {0}</source>
            <translation>扫描结束：{0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Copy the metrics CSV (with lr and seed columns) and the summary JSON into a folder.</source>
            <translation>把指标 CSV（含 lr 和种子列）和摘要 JSON 复制到一个文件夹中。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Nothing to save yet: the results are written as the runs report their first metrics.</source>
            <translation>还没有可保存的内容：运行报告第一批指标后才会写入结果。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>best validation loss</source>
            <translation>最佳验证损失</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>final validation loss</source>
            <translation>最终验证损失</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>best validation accuracy</source>
            <translation>最佳验证准确率</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>final validation accuracy</source>
            <translation>最终验证准确率</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>diverged {0}/{1}</source>
            <translation>已发散 {0}/{1}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>failed {0}/{1}</source>
            <translation>失败 {0}/{1}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>{0}/{1} done</source>
            <translation>完成 {0}/{1}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>No tuned learning rate yet: a rate counts once every one of its seeds finished; a stopped or diverged seed rules it out.</source>
            <translation>还没有调好的学习率：一个学习率的所有种子都完成后才算数；有种子停止或发散的学习率会被排除。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>final val loss</source>
            <translation>最终验证损失</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>best val loss</source>
            <translation>最佳验证损失</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>final val accuracy</source>
            <translation>最终验证准确率</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>best val accuracy</source>
            <translation>最佳验证准确率</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>seeds</source>
            <translation>种子</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>Mean ± σ over the seeds that finished (just the mean when only one did). A learning rate with a diverged seed is marked and cannot be an optimizer's tuned rate.</source>
            <translation>已完成种子的均值 ± σ（只有一个种子完成时只显示均值）。有种子发散的学习率会被标出，不能作为该优化器调好的学习率。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>Heat map: optimizer × learning rate</source>
            <translation>热力图：优化器 × 学习率</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>learning rate</source>
            <translation>学习率</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>Tuned: each optimizer at its best learning rate (band: ± σ over the seeds)</source>
            <translation>调优后：各优化器在其最佳学习率下的曲线（阴影带：各种子的 ± σ）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>validation loss</source>
            <translation>验证损失</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>{0} lr={1} ({2} seeds)</source>
            <translation>{0} lr={1}（{2} 个种子）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>{0} lr={1} (one seed)</source>
            <translation>{0} lr={1}（一个种子）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>The ranking appears when runs finish.</source>
            <translation>运行完成后将显示排名。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>{rank}. &lt;b&gt;{optimizer}&lt;/b&gt; at lr {lr}: best validation loss {loss}, final accuracy {acc}</source>
            <translation>{rank}. &lt;b&gt;{optimizer}&lt;/b&gt;（lr {lr}）：最佳验证损失 {loss}，最终准确率 {acc}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>the next one is within the spread over the seeds: this order is not to be trusted</source>
            <translation>下一名落在各种子的波动范围之内：这个名次并不可靠</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>One seed: this order may be luck. Two seeds or more show the spread.</source>
            <translation>只有一个种子：这个排名可能只是运气。两个或更多种子才能看出波动范围。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/views.py" />
            <source>Sweep</source>
            <translation>参数扫描</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>Sweep over: {0}.</source>
            <translation type="vanished">扫描结束：{0}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>{0}/{1} runs</source>
            <translation type="vanished">{0}/{1} 次运行已结束</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_panel.py" />
            <source>{0} running</source>
            <translation type="vanished">运行中 {0} 个</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/sweep_results.py" />
            <source>Mean ± σ over the seeds that finished. A learning rate with a diverged seed is marked and cannot be an optimizer's tuned rate.</source>
            <translation type="vanished">已完成的各种子上的均值 ± σ。有种子发散的学习率会被标出，不能作为优化器调优后的学习率。</translation>
        </message>
    </context>
    <context>
        <name>TrainTab</name>
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <source>Open in Inspect</source>
            <translation>在“透视”页打开</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>Device</source>
            <translation>设备</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <source>step</source>
            <translation>步数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <source>Start</source>
            <translation>开始</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <source>Train every run from the same initial weights (Ctrl+Enter).</source>
            <translation>让每次运行都从相同的初始权重开始训练（Ctrl+Enter）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <source>Pause or resume every run (Ctrl+P).</source>
            <translation>暂停或继续所有运行（Ctrl+P）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <source>Stop every run; what was logged stays (Esc).</source>
            <translation>停止所有运行；已记录的数据会保留（Esc）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <source>Continue</source>
            <translation>继续训练</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <source>Train the stopped runs on from where they ended, up to the number of epochs set above; the curves go on (Ctrl+Shift+Enter).</source>
            <translation>让已停止的运行从结束处接着训练，直到上面设定的轮数；曲线会接着画下去（Ctrl+Shift+Enter）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <source>Ready.</source>
            <translation>就绪。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <source>Weight of the exponential moving average drawn over the faint raw loss.</source>
            <translation>在浅色原始损失上叠加的指数滑动平均的权重。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <source>epoch</source>
            <translation>epoch</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <source>images seen</source>
            <translation>已见图像数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <source>Count the x axis in optimizer steps, epochs or training images seen. Runs with different batch sizes take different numbers of steps per epoch: compare them per epoch or per image.</source>
            <translation>横轴按优化步数、epoch 或已见过的训练图像数计。批大小不同的运行每个 epoch 的步数不同：请按 epoch 或按图像数比较。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <source>Log y</source>
            <translation>对数 y 轴</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <source>Logarithmic loss axes (Ctrl+L): small differences late in training show.</source>
            <translation>损失使用对数坐标（Ctrl+L）：训练后期的细小差别也能看出来。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <source>Save every run's metrics as a long-form CSV (kept up to date while training).</source>
            <translation>把每次运行的指标保存为长格式 CSV（训练时持续更新）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <source>Save plot…</source>
            <translation>保存图表…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <source>Save the plots as a PNG image.</source>
            <translation>把图表保存为 PNG 图像。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <source>Save weights…</source>
            <translation>保存权重…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <source>Save each run's trained weights as a state_dict file (.pt).</source>
            <translation>把每次运行训练好的权重保存为 state_dict 文件（.pt）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <source>Look inside the selected run's trained network in the Inspect tab.</source>
            <translation>在“透视”页查看选中运行训练好的网络内部。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <source>Smoothing</source>
            <translation>平滑</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/controls.py" />
            <source>X axis</source>
            <translation>横轴</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/exports.py" />
            <source>Export metrics</source>
            <translation>导出指标</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/exports.py" />
            <source>Cannot write the CSV</source>
            <translation>无法写入 CSV</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/exports.py" />
            <source>Metrics written to {0}</source>
            <translation>指标已写入 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/exports.py" />
            <source>Save plot</source>
            <translation>保存图表</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/exports.py" />
            <source>Cannot save the plot</source>
            <translation>无法保存图表</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/exports.py" />
            <source>Cannot write {0}</source>
            <translation>无法写入 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/exports.py" />
            <source>Plot saved to {0}</source>
            <translation>图表已保存到 {0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/exports.py" />
            <source>Folder for the weights</source>
            <translation>保存权重的文件夹</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/exports.py" />
            <source>Cannot save the weights</source>
            <translation>无法保存权重</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/exports.py" />
            <source>{0} state_dict files written to {1}</source>
            <translation>已将 {0} 个 state_dict 文件写入 {1}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/layout.py" />
            <source>Runs</source>
            <translation>运行</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/lesson_bar.py" />
            <source>Lessons</source>
            <translation>课程</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/lesson_bar.py" />
            <source>Ready-made comparisons from the notes.</source>
            <translation>来自笔记的现成对比实验。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/lesson_io.py" />
            <source>Lesson opened: the curves are as they were saved. Start trains again.</source>
            <translation>课程已打开：曲线与保存时相同。“开始”会重新训练。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/lesson_io.py" />
            <source>Lesson opened: the curves are as they were saved. Start trains again from the start; Continue trains on.</source>
            <translation>课程已打开：曲线与保存时相同。“开始”从头重新训练；“继续训练”接着训练。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/lesson_io.py" />
            <source>Lesson opened.</source>
            <translation>课程已打开。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/lesson_state.py" />
            <source>The Train part of this lesson cannot be read: {0}</source>
            <translation>无法读取这个课程中“训练”页的部分：{0}</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/lesson_state.py" />
            <source>The Train part of this lesson cannot be read ({0}).</source>
            <translation>无法读取这个课程中“训练”页的部分（{0}）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>Setup shared by every run</source>
            <translation>所有运行共用的设置</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>Data</source>
            <translation>数据</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>Epochs</source>
            <translation>轮数（epoch）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>batch</source>
            <translation>批次</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>Train images</source>
            <translation>训练图像数</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>Seeds</source>
            <translation>种子</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>weights</source>
            <translation>权重</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>data</source>
            <translation>数据</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>Keep weights</source>
            <translation>保留权重</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>Sharpness</source>
            <translation>锐度</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>The network every run trains (built once from the init seed).</source>
            <translation>每次运行都训练的网络（由初始化种子构建一次）。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>The images to learn. Shapes is built in and needs no download.</source>
            <translation>要学习的图像。Shapes 是内置数据集，无需下载。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>image folder (one sub-folder per class)</source>
            <translation>图像文件夹（每个类别一个子文件夹）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>Passes over the training set, for every run.</source>
            <translation>每次运行遍历训练集的轮数。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>Images per step for runs that do not set their own batch size.</source>
            <translation>没有单独设置批大小的运行，每一步使用的图像数。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>all</source>
            <translation>全部</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>Use only the first N training images (small sets overfit: see the dropout lesson). 0 uses all.</source>
            <translation>只使用前 N 张训练图像（小数据集会过拟合：见 Dropout 课程）。0 表示全部使用。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>Seed of the initial weights: every run starts from these same weights.</source>
            <translation>初始权重的种子：每次运行都从这同一组权重出发。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>Seed of the data and of the batch order: every run sees the same batches.</source>
            <translation>数据和批次顺序的种子：每次运行看到相同的批次。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>Where the runs train.</source>
            <translation>在哪里训练。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>Image folder (one sub-folder per class)</source>
            <translation>图像文件夹（每个类别一个子文件夹）</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Training failed</source>
            <translation>训练失败</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Stop the training before loading a lesson.</source>
            <translation>加载课程前请先停止训练。</translation>
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
            <source>A sweep is running: Continue waits until it ends or is stopped.</source>
            <translation>参数扫描正在运行：等它结束或被停止后才能继续训练。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>The setup changed since these runs trained: set it back, or press Start to train again.</source>
            <translation>这些运行训练之后设置改过了：请改回原来的设置，或按“开始”重新训练。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Training is running: Continue trains on after it stopped or ended.</source>
            <translation>训练正在进行：停止或结束后才能继续训练。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Nothing to continue yet: press Start to train the runs first.</source>
            <translation>还没有可以继续的：请先按“开始”训练这些运行。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>This lesson was saved without the runs' weights: press Start to train again.</source>
            <translation>这个课程保存时没有带上运行的权重：请按“开始”重新训练。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Every run diverged or failed: press Start to train again from the start.</source>
            <translation>所有运行都已发散或失败：请按“开始”从头重新训练。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>The 1 epoch is done: raise Epochs above 1 to continue training.</source>
            <translation>这 1 轮已完成：把轮数调到大于 1 才能继续训练。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>All {0} epochs are done: raise Epochs above {0} to continue training.</source>
            <translation>{0} 轮已全部完成：把轮数调到大于 {0} 才能继续训练。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Cannot continue training</source>
            <translation>无法继续训练</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Paused: press Ctrl+P or Resume to continue.</source>
            <translation>已暂停：按 Ctrl+P 或“继续”以继续。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Resumed.</source>
            <translation>已继续。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Stopping…</source>
            <translation>正在停止…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Preparing data and models…</source>
            <translation>正在准备数据和模型…</translation>
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
            <source>The Train tab has no run {0} now.</source>
            <translation>训练页现在没有运行 {0}。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Cannot rebuild the trained weights</source>
            <translation>无法重建训练好的权重</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Trained weights rebuilt from the lesson.</source>
            <translation>已从课程文件重建训练好的权重。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Rebuilding the trained weights from the lesson…</source>
            <translation>正在从课程文件重建训练好的权重…</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/views.py" />
            <source>Curves</source>
            <translation>曲线</translation>
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
        <message>
            <location filename="../../cnnviz/gui/train/tab.py" />
            <source>Nothing to continue: raise Epochs above what the runs have done, or press Start to train again from the start.</source>
            <translation type="vanished">没有可以继续的：把轮数调到高于已完成的轮数，或按“开始”从头重新训练。</translation>
        </message>
    </context>
    <context>
        <name>TrainWatch</name>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>every epoch</source>
            <translation>每个 epoch</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>every N steps</source>
            <translation>每 N 步</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>off</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>Keep each run's weights at these points while training: Inspect replays them (watch the filters form) and the Landscape view draws each run's path. Small models keep them in memory, large ones on disk.</source>
            <translation>训练时在这些时刻保留每次运行的权重：“透视”页可以回放它们（观察滤波器如何形成），“损失地形”视图用它们画出每次运行的路径。小模型的权重保存在内存中，大模型的保存在磁盘上。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>Steps between two snapshots.</source>
            <translation>两个快照之间的步数。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>every </source>
            <translation>每 </translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source> steps</source>
            <translation> 步</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/train/setup_form.py" />
            <source>Estimate the sharpness (the largest curvature of the training loss) every K steps and plot it next to each optimizer's stability edge (2/lr for gradient descent). Each estimate costs a few dozen gradient passes on a probe batch.</source>
            <translation>每 K 步估计一次锐度（训练损失的最大曲率），并与各优化器的稳定性边缘（梯度下降为 2/lr）画在一起。每次估计要在一个探测批次上做几十次梯度计算。</translation>
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
    <context>
        <name>Workers</name>
        <message>
            <location filename="../../cnnviz/gui/workers.py" />
            <source>Out of memory: try a smaller image, model or batch.</source>
            <translation>内存不足：请换用更小的图像、模型或批大小。</translation>
        </message>
        <message>
            <location filename="../../cnnviz/gui/workers.py" />
            <source>Unexpected error ({0}): {1}</source>
            <translation>意外错误（{0}）：{1}</translation>
        </message>
    </context>
</TS>
