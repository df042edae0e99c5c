<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdagradOptimizer</name>
    <message>
        <source>sum of squares</source>
        <translation>平方和</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
</context>
<context>
    <name>AdamOptimizer</name>
    <message>
        <source>v max</source>
        <translation>v 最大值</translation>
    </message>
    <message>
        <source>effective step</source>
        <translation>有效步长</translation>
    </message>
</context>
<context>
    <name>AtomicFile</name>
    <message>
        <source>the file could not be written whole (is the disk full?)</source>
        <translation>文件未能完整写入（磁盘是否已满？）</translation>
    </message>
    <message>
        <source>: cannot save: </source>
        <translation>：无法保存：</translation>
    </message>
    <message>
        <source>this is a folder, not a file</source>
        <translation>这是文件夹，不是文件</translation>
    </message>
    <message>
        <source>the folder %1 does not exist</source>
        <translation>文件夹 %1 不存在</translation>
    </message>
</context>
<context>
    <name>ColumnPickerDialog</name>
    <message>
        <source>Choose the columns</source>
        <translation>选择列</translation>
    </message>
    <message>
        <source>%1 (not numeric)</source>
        <translation>%1（非数值）</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n column(s). Which hold x and y?</source>
        <translation>
            <numerusform>%1 共有 %n 列。哪两列是 x 和 y？</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;x (input)</source>
        <translation>x（输入）(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;y (target)</source>
        <translation>y（目标）(&amp;Y)</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>--x and --y choose columns of a file given with --data</source>
        <translation>--x 和 --y 用于选择 --data 所给文件中的列</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>意外的参数“%1”</translation>
    </message>
    <message>
        <source>--model: &apos;%1&apos; is not one of origin, line</source>
        <translation>--model：“%1”不是 origin、line 之一</translation>
    </message>
    <message>
        <source>--loss: &apos;%1&apos; is not one of mse, mae, huber</source>
        <translation>--loss：“%1”不是 mse、mae、huber 之一</translation>
    </message>
    <message>
        <source>--optimizer: &apos;%1&apos; is not one of %2</source>
        <translation>--optimizer：“%1”不是 %2 之一</translation>
    </message>
    <message>
        <source>--optimizer nesterov needs a positive --momentum and --dampening 0</source>
        <translation>--optimizer nesterov 需要正的 --momentum 以及 --dampening 0</translation>
    </message>
    <message>
        <source>--b0 needs --model line</source>
        <translation>--b0 需要 --model line</translation>
    </message>
    <message>
        <source>interrupted (%1) after step %2; every row printed is whole</source>
        <translation>在第 %2 步之后被中断（%1）；已输出的每一行都是完整的</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>未知命令“%1”</translation>
    </message>
    <message>
        <source>%1: no such file (the commands are grid and train; see losslab --help)</source>
        <translation>%1：没有这个文件（命令是 grid 和 train；参见 losslab --help）</translation>
    </message>
    <message>
        <source>one data file at most, got &apos;%1&apos; and &apos;%2&apos;</source>
        <translation>最多一个数据文件，却给出了“%1”和“%2”</translation>
    </message>
    <message>
        <source>--x and --y choose columns of a data file; none was given</source>
        <translation>--x 和 --y 用于选择数据文件中的列；但没有给出数据文件</translation>
    </message>
    <message>
        <source>LossLab: see how a machine-learning model learns.

Usage:
  losslab [FILE] [--x COL] [--y COL] [--screenshot OUT.png]
  losslab grid  [--data FILE] [--x COL] [--y COL] [--from 0] [--to 4] [--step 0.1]
                [--csv]
  losslab train [--data FILE] [--x COL] [--y COL] [--model origin|line]
                [--loss mse|mae|huber] [--delta 1]
                [--optimizer gd|momentum|nesterov|adagrad|rmsprop|adam] [--lr 0.01]
                [--steps 1000] [--w0 0] [--b0 0] [--tol T] [--momentum 0.9]
                [--dampening 0] [--alpha 0.99] [--centered] [--beta1 0.9]
                [--beta2 0.999] [--eps E] [--amsgrad] [--lr-decay 0]
                [--initial-accumulator 0]
  losslab --help | --version

Without a command, opens the window on FILE (a CSV file or a .losslab session) or
on the lesson&apos;s data (1,2), (2,4), (3,6). COL is a header name or a 1-based column
number; the default is the first two numeric columns. grid and train take the
points of a session (not its settings).

  grid    prints the brute-force search of the model y = w*x: every point&apos;s
          prediction and squared error and the mean squared error (MSE) for each w;
          with --csv, rows w,x,y,prediction,squared_error,mse with every digit.
  train   trains the model y = w*x (origin) or y = w*x + b (line) on the loss
          with the optimizer (torch.optim&apos;s rules and defaults) and prints CSV rows
          step,w,loss,grad_w (step,w,b,loss,grad_w,grad_b for line); row 0 is the
          start. Stops early on divergence, or when |gradient| &lt; T if --tol is given.
  --screenshot OUT.png  draws the window once, saves it as a PNG and exits.

Exit status: 0 success, 2 bad usage or input, 3 training diverged (or its start
is too large to represent).
</source>
        <translation>LossLab：看看机器学习模型是如何学习的。

用法：
  losslab [FILE] [--x COL] [--y COL] [--screenshot OUT.png]
  losslab grid  [--data FILE] [--x COL] [--y COL] [--from 0] [--to 4] [--step 0.1]
                [--csv]
  losslab train [--data FILE] [--x COL] [--y COL] [--model origin|line]
                [--loss mse|mae|huber] [--delta 1]
                [--optimizer gd|momentum|nesterov|adagrad|rmsprop|adam] [--lr 0.01]
                [--steps 1000] [--w0 0] [--b0 0] [--tol T] [--momentum 0.9]
                [--dampening 0] [--alpha 0.99] [--centered] [--beta1 0.9]
                [--beta2 0.999] [--eps E] [--amsgrad] [--lr-decay 0]
                [--initial-accumulator 0]
  losslab --help | --version

不带命令时，在 FILE（CSV 文件或 .losslab 会话）上打开窗口，
或在课程数据 (1,2)、(2,4)、(3,6) 上打开。COL 是表头名称或从 1 开始的列号；
默认取前两个数值列。grid 和 train 使用会话中的数据点（不使用其设置）。

  grid    输出模型 y = w*x 的暴力搜索：对每个 w，给出每个点的预测值和平方误差，
          以及均方误差（MSE）；加 --csv 时，以 w,x,y,prediction,squared_error,mse
          行输出全部有效数字。
  train   用所选优化器（torch.optim 的规则和默认值）在所选损失上训练模型
          y = w*x（origin）或 y = w*x + b（line），并输出 CSV 行
          step,w,loss,grad_w（line 时为 step,w,b,loss,grad_w,grad_b）；第 0 行是起点。
          发散时提前停止；给出 --tol 时，在 |梯度| &lt; T 时停止。
  --screenshot OUT.png  绘制一次窗口，保存为 PNG 后退出。

退出状态：0 成功，2 用法或输入错误，3 训练发散（或起点过大，无法表示）。
</translation>
    </message>
</context>
<context>
    <name>CommandOptions</name>
    <message>
        <source>option --%1 needs a value</source>
        <translation>选项 --%1 需要一个值</translation>
    </message>
    <message>
        <source>unknown option --%1</source>
        <translation>未知选项 --%1</translation>
    </message>
    <message>
        <source>option --%1 is given twice</source>
        <translation>选项 --%1 给出了两次</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is too large</source>
        <translation>--%1：“%2”过大</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a whole number of 0 or more</source>
        <translation>--%1：“%2”不是大于或等于 0 的整数</translation>
    </message>
    <message>
        <source>%1 or more</source>
        <translation>大于或等于 %1 的数</translation>
    </message>
    <message>
        <source>from %1 to %2%3</source>
        <translation>从 %1 到 %2%3 的数</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not %3</source>
        <translation>--%1：“%2”不是%3</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not positive</source>
        <translation>--%1：“%2”不是正数</translation>
    </message>
    <message>
        <source> (exclusive)</source>
        <translation>（不含）</translation>
    </message>
</context>
<context>
    <name>CsvParser</name>
    <message>
        <source>not a text file (binary data at line %1)</source>
        <translation>不是文本文件（第 %1 行有二进制数据）</translation>
    </message>
    <message>
        <source>line %1 is longer than 64 MiB</source>
        <translation>第 %1 行超过 64 MiB</translation>
    </message>
    <message>
        <source>line %1 has more than %2 columns</source>
        <translation>第 %1 行超过 %2 列</translation>
    </message>
    <message>
        <source>a quoted field that starts on line %1 never ends</source>
        <translation>从第 %1 行开始的带引号字段没有结束</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>the file is empty (it has only blank lines)</source>
        <translation>文件为空（只有空行）</translation>
    </message>
    <message>
        <source>line %1: too much data (more than %2 cells)</source>
        <translation>第 %1 行：数据过多（超过 %2 个单元格）</translation>
    </message>
    <message>
        <source>no data rows</source>
        <translation>没有数据行</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>the file is larger than 2 GiB</source>
        <translation>文件大于 2 GiB</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
</context>
<context>
    <name>DataEditorView</name>
    <message>
        <source>Drag a point to move it, click empty space to add one, right-click a point to remove it</source>
        <translation>拖动数据点可移动它，单击空白处可添加数据点，右键单击数据点可删除它</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>已选中</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
</context>
<context>
    <name>DatasetLoader</name>
    <message>
        <source>no column number %1; the columns are: %2</source>
        <translation>没有第 %1 列；现有的列为：%2</translation>
    </message>
    <message>
        <source>no column named &apos;%1&apos;; the columns are: %2</source>
        <translation>没有名为“%1”的列；现有的列为：%2</translation>
    </message>
    <message>
        <source> (line %1: &apos;%2&apos; is not a number: decimals take a dot)</source>
        <translation>（第 %1 行：“%2”不是数字：小数点须用“.”）</translation>
    </message>
    <message>
        <source> (line %1: &apos;%2&apos; is not a number)</source>
        <translation>（第 %1 行：“%2”不是数字）</translation>
    </message>
    <message>
        <source>only one column found (columns must be separated by commas, semicolons or tabs); x and y need two</source>
        <translation>只找到一列（列之间须用逗号、分号或制表符分隔）；x 和 y 需要两列</translation>
    </message>
    <message>
        <source>no column holds numbers; x and y need two</source>
        <translation>没有包含数字的列；x 和 y 需要两列</translation>
    </message>
    <message>
        <source>only column &apos;%1&apos; holds numbers; x and y need two</source>
        <translation>只有“%1”列包含数字；x 和 y 需要两列</translation>
    </message>
    <message>
        <source>no column other than &apos;%1&apos; holds numbers to use for %2</source>
        <translation>除“%1”列外，没有可用作 %2 的数字列</translation>
    </message>
    <message>
        <source>this is a folder, not a file</source>
        <translation>这是文件夹，不是文件</translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation>无法打开文件：%1</translation>
    </message>
    <message>
        <source>the file is larger than 2 GiB</source>
        <translation>文件大于 2 GiB</translation>
    </message>
    <message>
        <source>: a session keeps the columns it was saved with; x and y columns are chosen for CSV files only</source>
        <translation>：会话沿用保存时的列；只有 CSV 文件才能选择 x 列和 y 列</translation>
    </message>
    <message>
        <source>: the session has no points</source>
        <translation>：该会话没有数据点</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1 行</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <source>Skipped %1 with a missing or non-numeric value in the chosen columns</source>
        <translation>已跳过所选列中含缺失值或非数值的 %1</translation>
    </message>
    <message>
        <source> (line </source>
        <translation> (行号 </translation>
    </message>
    <message>
        <source> (lines </source>
        <translation> (行号 </translation>
    </message>
    <message>
        <source>no data rows</source>
        <translation>没有数据行</translation>
    </message>
    <message>
        <source>no columns</source>
        <translation>没有列</translation>
    </message>
    <message>
        <source>column &apos;%1&apos;</source>
        <translation>“%1”列</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; or &apos;%2&apos;</source>
        <translation>“%1”列或“%2”列</translation>
    </message>
    <message>
        <source>no usable rows: every row has a missing or non-numeric value in %1 (the first at line %2)</source>
        <translation>没有可用的行：每一行在%1中都有缺失值或非数值（第一处在第 %2 行）</translation>
    </message>
</context>
<context>
    <name>DatasetModel</name>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>x: %1</source>
        <translation>x：%1</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>y: %1</source>
        <translation>y：%1</translation>
    </message>
    <message>
        <source>Row %1: &apos;%2&apos; %3; the value was kept.</source>
        <translation>第 %1 行：“%2”%3；已保留原值。</translation>
    </message>
    <message>
        <source>prediction w·x + b</source>
        <translation>预测值 w·x + b</translation>
    </message>
    <message>
        <source>prediction w·x</source>
        <translation>预测值 w·x</translation>
    </message>
    <message>
        <source>absolute error</source>
        <translation>绝对误差</translation>
    </message>
    <message>
        <source>Huber loss</source>
        <translation>Huber 损失</translation>
    </message>
    <message>
        <source>squared error</source>
        <translation>平方误差</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Data chart</source>
        <translation>数据图表</translation>
    </message>
    <message>
        <source>Loss curve</source>
        <translation>损失曲线</translation>
    </message>
    <message>
        <source>Loss per step</source>
        <translation>每步损失</translation>
    </message>
    <message>
        <source>Loss surface</source>
        <translation>损失曲面</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>%1 as image…</source>
        <translation>%1（图像）…</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>导出%1</translation>
    </message>
    <message>
        <source>Save the %1 as a PNG image or an SVG drawing, as it is shown</source>
        <translation>将%1按当前显示的样子保存为 PNG 图像或 SVG 矢量图</translation>
    </message>
    <message>
        <source>Copy the %1 as an image, to paste into slides or a document</source>
        <translation>将%1复制为图像，以便粘贴到幻灯片或文档中</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>&amp;Data as CSV…</source>
        <translation>数据（CSV）(&amp;D)…</translation>
    </message>
    <message>
        <source>Export the data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>Save the points as CSV, each number exactly as it is held</source>
        <translation>将数据点保存为 CSV，每个数字都与内部存储的值完全一致</translation>
    </message>
    <message>
        <source>Training &amp;trail as CSV…</source>
        <translation>训练轨迹（CSV）(&amp;T)…</translation>
    </message>
    <message>
        <source>Export the training trail</source>
        <translation>导出训练轨迹</translation>
    </message>
    <message>
        <source>Save the steps of the training run shown: w, b, loss and gradient</source>
        <translation>保存当前显示的训练过程的各步：w、b、损失和梯度</translation>
    </message>
    <message>
        <source>&amp;Grid-search log as text…</source>
        <translation>网格搜索日志（文本）(&amp;G)…</translation>
    </message>
    <message>
        <source>Export the grid-search log</source>
        <translation>导出网格搜索日志</translation>
    </message>
    <message>
        <source>Text file (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>Save the grid search&apos;s printout as it appears in its tab</source>
        <translation>按网格搜索标签页中显示的样子保存其输出</translation>
    </message>
    <message>
        <source>The grid search has not run yet: Lesson › Run grid search fills its log.</source>
        <translation>网格搜索尚未运行：“课程 › 运行网格搜索”会生成其日志。</translation>
    </message>
    <message>
        <source>Copied the chart to the clipboard.</source>
        <translation>已将图表复制到剪贴板。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
</context>
<context>
    <name>GridSearchPanel</name>
    <message>
        <source>Run &amp;grid search</source>
        <translation>运行网格搜索(&amp;G)</translation>
    </message>
    <message>
        <source>Try every w on the grid, as in the lesson, and drop each onto the loss curve</source>
        <translation>像课程中那样尝试网格上的每个 w，并将结果逐个标在损失曲线上</translation>
    </message>
    <message>
        <source>grid search log</source>
        <translation>网格搜索日志</translation>
    </message>
    <message>
        <source>The grid search prints every w&apos;s predictions and losses here.</source>
        <translation>网格搜索会在此输出每个 w 的预测值和损失。</translation>
    </message>
    <message>
        <source>w from %1 to %2 in steps of %3</source>
        <translation>w 从 %1 到 %2，步长 %3</translation>
    </message>
    <message>
        <source>Every w gives the same MSE: all x are 0, so w has no effect.</source>
        <translation>每个 w 的 MSE 都相同：所有 x 都为 0，因此 w 不起作用。</translation>
    </message>
    <message>
        <source>Lowest MSE on the grid: w = %1, MSE = %2</source>
        <translation>网格上的最低 MSE：w = %1，MSE = %2</translation>
    </message>
    <message>
        <source>The printout of the grid search: each w&apos;s predictions, losses and MSE</source>
        <translation>网格搜索的输出：每个 w 的预测值、损失和 MSE</translation>
    </message>
</context>
<context>
    <name>JsonFieldReader</name>
    <message>
        <source>missing %1; using the defaults</source>
        <translation>缺少 %1；使用默认值</translation>
    </message>
    <message>
        <source>%1 should be an object, not %2</source>
        <translation>%1 应为对象，而不是%2</translation>
    </message>
    <message>
        <source>missing %1; using %2</source>
        <translation>缺少 %1；使用 %2</translation>
    </message>
    <message>
        <source>%1 should be a number, not %2</source>
        <translation>%1 应为数字，而不是%2</translation>
    </message>
    <message>
        <source>%1: %2 is not %3; using %4</source>
        <translation>%1：%2 不是 %3；使用 %4</translation>
    </message>
    <message>
        <source>%1: %2 is not a whole number from %3 to %4; using %5</source>
        <translation>%1：%2 不是 %3 到 %4 之间的整数；使用 %5</translation>
    </message>
    <message>
        <source>%1 should be true or false, not %2</source>
        <translation>%1 应为 true 或 false，而不是%2</translation>
    </message>
    <message>
        <source>missing %1; using &quot;%2&quot;</source>
        <translation>缺少 %1；使用 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1 should be a string, not %2</source>
        <translation>%1 应为字符串，而不是%2</translation>
    </message>
    <message>
        <source>%1: unknown name &quot;%2&quot; (known: %3)</source>
        <translation>%1：未知名称 &quot;%2&quot;（已知名称：%3）</translation>
    </message>
    <message>
        <source>missing %1; %2</source>
        <translation>缺少 %1；%2</translation>
    </message>
    <message>
        <source>%1 should be an array, not %2</source>
        <translation>%1 应为数组，而不是%2</translation>
    </message>
    <message>
        <source>%1 has %2 entries; at most %3 are allowed</source>
        <translation>%1 有 %2 项；最多允许 %3 项</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>a finite number</source>
        <translation>有限数</translation>
    </message>
    <message>
        <source>a finite number above 0</source>
        <translation>大于 0 的有限数</translation>
    </message>
    <message>
        <source>a finite number of 0 or more</source>
        <translation>大于或等于 0 的有限数</translation>
    </message>
    <message>
        <source>a number from 0 to 1</source>
        <translation>0 到 1 之间的数</translation>
    </message>
    <message>
        <source>a number from 0 up to but not 1</source>
        <translation>大于或等于 0 且小于 1 的数</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Choose the language of the window; it changes the next time LossLab starts.</source>
        <translation>选择窗口的语言；下次启动 LossLab 时生效。</translation>
    </message>
    <message>
        <source>&amp;System language (%1)</source>
        <translation>系统语言（%1）(&amp;S)</translation>
    </message>
    <message>
        <source>Follow the language and number format of the system.</source>
        <translation>跟随系统的语言和数字格式。</translation>
    </message>
    <message>
        <source>Show LossLab in %1.</source>
        <translation>使用 %1 显示 LossLab。</translation>
    </message>
    <message>
        <source>The language changes the next time LossLab starts.</source>
        <translation>语言将在下次启动 LossLab 时更改。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>LossCurveView</name>
    <message>
        <source>grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>w*</source>
        <translation>w*</translation>
    </message>
    <message>
        <source>current</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>tangent</source>
        <translation>切线</translation>
    </message>
    <message>
        <source>w</source>
        <translation>w</translation>
    </message>
    <message>
        <source>each point</source>
        <translation>各数据点</translation>
    </message>
    <message>
        <source>The loss against w (faint: each point&apos;s own loss; dashed: the tangent at w)</source>
        <translation>损失随 w 的变化（浅色：各数据点自身的损失；虚线：w 处的切线）</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>训练步</translation>
    </message>
    <message>
        <source> (updating…)</source>
        <translation>（正在更新…）</translation>
    </message>
    <message>
        <source>loss at b = %1</source>
        <translation>b = %1 时的损失</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source> (missing where too large to represent)</source>
        <translation>（过大无法表示之处留空）</translation>
    </message>
    <message>
        <source>No points: add some by clicking the data chart.</source>
        <translation>没有数据点：单击数据图表即可添加。</translation>
    </message>
    <message>
        <source>All x are equal: standardized they are 0, so w does nothing.</source>
        <translation>所有 x 都相等：标准化后均为 0，因此 w 不起作用。</translation>
    </message>
    <message>
        <source>All x are 0: every w gives the same loss.</source>
        <translation>所有 x 都为 0：每个 w 的损失都相同。</translation>
    </message>
</context>
<context>
    <name>LossStepView</name>
    <message>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>MSE</source>
        <translation>MSE</translation>
    </message>
    <message>
        <source>loss (log scale)</source>
        <translation>损失（对数刻度）</translation>
    </message>
    <message>
        <source>step (%1)</source>
        <translation>步数（%1）</translation>
    </message>
    <message>
        <source>step shown</source>
        <translation>所显示的步</translation>
    </message>
</context>
<context>
    <name>LossSurfaceView</name>
    <message>
        <source>Click to move (w, b) there; before training starts, that is the start</source>
        <translation>单击可将 (w, b) 移到该处；训练开始前，该处即为起点</translation>
    </message>
    <message>
        <source>loss surface</source>
        <translation>损失曲面</translation>
    </message>
    <message>
        <source>No unique optimum (all x are equal): every (w, b) on the valley&apos;s floor fits; the shortest is marked.</source>
        <translation>没有唯一最优解（所有 x 都相等）：谷底上的每个 (w, b) 都同样拟合；图中标出的是其中最短（范数最小）的一个。</translation>
    </message>
    <message>
        <source>w</source>
        <translation>w</translation>
    </message>
    <message>
        <source>b</source>
        <translation>b</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>LossLab</source>
        <translation>LossLab</translation>
    </message>
    <message>
        <source>data table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>data editor chart</source>
        <translation>数据编辑图表</translation>
    </message>
    <message>
        <source>loss curve chart</source>
        <translation>损失曲线图表</translation>
    </message>
    <message>
        <source>loss per step chart</source>
        <translation>每步损失图表</translation>
    </message>
    <message>
        <source>Drag the points, move w, or press Train.</source>
        <translation>拖动数据点、调整 w，或按“训练”。</translation>
    </message>
    <message>
        <source>the optimizers changed</source>
        <translation>优化器已更改</translation>
    </message>
    <message>
        <source>Cannot open the data</source>
        <translation>无法打开数据</translation>
    </message>
    <message>
        <source>%1

The lesson&apos;s data are shown instead.</source>
        <translation>%1

改为显示课程数据。</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n point(s). %2</source>
        <translation>
            <numerusform>已打开 %1：%n 个数据点。%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear the points</source>
        <translation>清除数据点</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <source>no points</source>
        <translation>无数据点</translation>
    </message>
    <message>
        <source>cannot write the screenshot to %1</source>
        <translation>无法将截图写入 %1</translation>
    </message>
    <message>
        <source>Parts of the session were missing</source>
        <translation>会话中有部分内容缺失</translation>
    </message>
    <message>
        <source>These were missing or unusable and have their defaults:

%1</source>
        <translation>以下各项缺失或不可用，已改用默认值：

%1</translation>
    </message>
    <message>
        <source>%1

The data shown before are kept.</source>
        <translation>%1

仍保留之前显示的数据。</translation>
    </message>
    <message>
        <source>Set w and b</source>
        <translation>设置 w 和 b</translation>
    </message>
    <message>
        <source>Set w</source>
        <translation>设置 w</translation>
    </message>
    <message>
        <source>the model or the loss changed</source>
        <translation>模型或损失函数已更改</translation>
    </message>
    <message>
        <source>x is now standardized</source>
        <translation>x 已标准化</translation>
    </message>
    <message>
        <source>x is in its own units again</source>
        <translation>x 已恢复为原始单位</translation>
    </message>
    <message>
        <source>Back to the start: %1.</source>
        <translation>已回到起点：%1。</translation>
    </message>
    <message>
        <source>the lesson: (1, 2), (2, 4), (3, 6)</source>
        <translation>课程数据：(1, 2), (2, 4), (3, 6)</translation>
    </message>
    <message>
        <source>%1 (x = %2, y = %3)</source>
        <translation>%1（x = %2，y = %3）</translation>
    </message>
    <message>
        <source>Double-click an x or y cell, or press F2 on it, to edit it</source>
        <translation>双击 x 或 y 单元格，或在其上按 F2，即可编辑</translation>
    </message>
    <message>
        <source>The data points, the line y = w·x and each point&apos;s residual</source>
        <translation>数据点、直线 y = w·x 以及每个点的残差</translation>
    </message>
    <message>
        <source>The loss after each step of training, one line per optimizer</source>
        <translation>训练每一步之后的损失，每个优化器一条曲线</translation>
    </message>
    <message>
        <source>Training goes on from step %1.</source>
        <translation>训练从第 %1 步继续。</translation>
    </message>
    <message>
        <source>The optimizer&apos;s state at step %1 was not saved: training goes on from there with the optimizer started afresh.</source>
        <translation>第 %1 步时优化器的状态未被保存：训练将从该步继续，优化器重新开始。</translation>
    </message>
    <message>
        <source>Continue from step %1?</source>
        <translation>从第 %1 步继续？</translation>
    </message>
    <message numerus="yes">
        <source>Training will go on from step %1. The %n step(s) after it will be dropped.</source>
        <translation>
            <numerusform>训练将从第 %1 步继续。其后的 %n 步将被丢弃。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Continue from step %1</source>
        <translation>从第 %1 步继续(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ModelPanel</name>
    <message>
        <source>Standardize x: train on (x − mean)/sd</source>
        <translation>标准化 x：在 (x − 均值)/标准差 上训练</translation>
    </message>
    <message>
        <source>y = w·x (through the origin)</source>
        <translation>y = w·x（过原点）</translation>
    </message>
    <message>
        <source>y = w·x + b (a line with a bias)</source>
        <translation>y = w·x + b（带偏置的直线）</translation>
    </message>
    <message>
        <source>The model whose parameters are trained</source>
        <translation>要训练其参数的模型</translation>
    </message>
    <message>
        <source>MSE: mean squared error</source>
        <translation>MSE：均方误差</translation>
    </message>
    <message>
        <source>MAE: mean absolute error</source>
        <translation>MAE：平均绝对误差</translation>
    </message>
    <message>
        <source>Huber: squared near 0, absolute beyond δ</source>
        <translation>Huber：0 附近取平方，超出 δ 取绝对值</translation>
    </message>
    <message>
        <source>How the residuals are scored</source>
        <translation>残差的计分方式</translation>
    </message>
    <message>
        <source>gradient descent</source>
        <translation>梯度下降</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Nesterov momentum</source>
        <translation>Nesterov 动量</translation>
    </message>
    <message>
        <source>AdaGrad</source>
        <translation>AdaGrad</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>The update rule, with torch.optim&apos;s defaults</source>
        <translation>更新规则，采用 torch.optim 的默认值</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>For data with large x (years, incomes): w and b then act on standardized x, and the line is drawn in the original units</source>
        <translation>适用于 x 较大的数据（年份、收入）：此时 w 和 b 作用于标准化后的 x，直线仍按原始单位绘制</translation>
    </message>
    <message>
        <source>L&amp;oss</source>
        <translation>损失(&amp;O)</translation>
    </message>
    <message>
        <source>Huber &amp;δ</source>
        <translation>Huber &amp;δ</translation>
    </message>
    <message>
        <source>Residuals beyond δ count linearly</source>
        <translation>超出 δ 的残差按线性计入</translation>
    </message>
    <message>
        <source>Optimi&amp;zer</source>
        <translation>优化器(&amp;Z)</translation>
    </message>
    <message>
        <source>Momentum μ</source>
        <translation>动量 μ</translation>
    </message>
    <message>
        <source>How much of the last velocity each step keeps</source>
        <translation>每一步保留上一步速度的比例</translation>
    </message>
    <message>
        <source>Dampening</source>
        <translation>阻尼</translation>
    </message>
    <message>
        <source>How much of each new gradient is left out of the velocity</source>
        <translation>每个新梯度中不计入速度的比例</translation>
    </message>
    <message>
        <source>Smoothing α</source>
        <translation>平滑系数 α</translation>
    </message>
    <message>
        <source>How slowly the average of squared gradients forgets</source>
        <translation>梯度平方的平均值遗忘旧值的缓慢程度</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>RMSprop&apos;s momentum (0: none)</source>
        <translation>RMSprop 的动量（0：不使用）</translation>
    </message>
    <message>
        <source>centered (divide by the gradient&apos;s variance)</source>
        <translation>中心化（除以梯度的方差）</translation>
    </message>
    <message>
        <source>β1</source>
        <translation>β1</translation>
    </message>
    <message>
        <source>Decay of the gradient&apos;s average m</source>
        <translation>梯度平均值 m 的衰减率</translation>
    </message>
    <message>
        <source>β2</source>
        <translation>β2</translation>
    </message>
    <message>
        <source>Decay of the squared gradient&apos;s average v</source>
        <translation>梯度平方平均值 v 的衰减率</translation>
    </message>
    <message>
        <source>AMSGrad (use the largest v so far)</source>
        <translation>AMSGrad（使用迄今最大的 v）</translation>
    </message>
    <message>
        <source>Rate decay</source>
        <translation>学习率衰减</translation>
    </message>
    <message>
        <source>lr_t = lr / (1 + (t − 1)·decay)</source>
        <translation>lr_t = lr / (1 + (t − 1)·decay)</translation>
    </message>
    <message>
        <source>Initial sum</source>
        <translation>初始累加值</translation>
    </message>
    <message>
        <source>Where the sum of squared gradients starts</source>
        <translation>梯度平方和的起始值</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>Added to the denominator so that it is never 0</source>
        <translation>加到分母上，使其永不为 0</translation>
    </message>
    <message>
        <source>Race this optimizer (torch.optim&apos;s defaults) against the chosen one</source>
        <translation>让此优化器（采用 torch.optim 的默认值）与所选优化器对比</translation>
    </message>
    <message>
        <source>Race against</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Divide by the variance of the gradient rather than its mean square</source>
        <translation>除以梯度的方差，而不是梯度的均方</translation>
    </message>
    <message>
        <source>Divide by the largest average of squared gradients seen so far</source>
        <translation>除以迄今为止梯度平方平均值的最大值</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <source>%1 or more</source>
        <translation>大于或等于 %1</translation>
    </message>
    <message>
        <source>more than %1</source>
        <translation>大于 %1</translation>
    </message>
    <message>
        <source> and less than %1</source>
        <translation> 且小于 %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not %2%3</source>
        <translation>“%1”不符合要求：应%2%3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; %2</source>
        <translation>“%1”%2</translation>
    </message>
    <message>
        <source>%1; keeping %2.</source>
        <translation>%1；保留 %2。</translation>
    </message>
    <message>
        <source>%1: %2; keeping %3.</source>
        <translation>%1：%2；保留 %3。</translation>
    </message>
</context>
<context>
    <name>NumberFormat</name>
    <message>
        <source>is not a finite number</source>
        <translation>不是有限数</translation>
    </message>
    <message>
        <source>is too small to represent as a number (below about 1e-308)</source>
        <translation>太小，无法表示为数字（约小于 1e-308）</translation>
    </message>
    <message>
        <source>is too large to represent as a number (above about 1.8e308)</source>
        <translation>太大，无法表示为数字（约大于 1.8e308）</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>非数字</translation>
    </message>
    <message>
        <source>too large to represent</source>
        <translation>过大，无法表示</translation>
    </message>
    <message>
        <source>negative and too large to represent</source>
        <translation>负数过大，无法表示</translation>
    </message>
</context>
<context>
    <name>Objective</name>
    <message>
        <source>mean absolute error</source>
        <translation>平均绝对误差</translation>
    </message>
    <message>
        <source>Huber loss</source>
        <translation>Huber 损失</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>均方误差</translation>
    </message>
</context>
<context>
    <name>Optimizer</name>
    <message>
        <source>velocity</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>gradient descent</source>
        <translation>梯度下降</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <source>AdaGrad</source>
        <translation>AdaGrad</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
</context>
<context>
    <name>OptimizerInspector</name>
    <message>
        <source>Gradient descent keeps no state: each step is −lr·g.</source>
        <translation>梯度下降不保存状态：每一步为 −lr·g。</translation>
    </message>
    <message>
        <source>Momentum: v ← μv + (1 − dampening)·g, then w ← w − lr·v.</source>
        <translation>动量：v ← μv + (1 − dampening)·g，然后 w ← w − lr·v。</translation>
    </message>
    <message>
        <source>Nesterov: v ← μv + g, then w ← w − lr·(g + μv).</source>
        <translation>Nesterov：v ← μv + g，然后 w ← w − lr·(g + μv)。</translation>
    </message>
    <message>
        <source>AdaGrad: s ← s + g², then w ← w − lr_t·g/(√s + ε).</source>
        <translation>AdaGrad：s ← s + g²，然后 w ← w − lr_t·g/(√s + ε)。</translation>
    </message>
    <message>
        <source>RMSprop: s ← αs + (1 − α)g², then w ← w − lr·g/(√s + ε).</source>
        <translation>RMSprop：s ← αs + (1 − α)g²，然后 w ← w − lr·g/(√s + ε)。</translation>
    </message>
    <message>
        <source>Adam: m ← β1·m + (1 − β1)g, v ← β2·v + (1 − β2)g², w ← w − lr·m̂/(√v̂ + ε).</source>
        <translation>Adam：m ← β1·m + (1 − β1)g，v ← β2·v + (1 − β2)g²，w ← w − lr·m̂/(√v̂ + ε)。</translation>
    </message>
    <message>
        <source>optimizer state</source>
        <translation>优化器状态</translation>
    </message>
    <message>
        <source>%1
State after step %2:</source>
        <translation>%1
第 %2 步之后的状态：</translation>
    </message>
    <message>
        <source>w</source>
        <translation>w</translation>
    </message>
    <message>
        <source>b</source>
        <translation>b</translation>
    </message>
    <message>
        <source>The optimizer&apos;s state for each parameter after the current step</source>
        <translation>当前步之后优化器对每个参数的状态</translation>
    </message>
</context>
<context>
    <name>ParameterPanel</name>
    <message>
        <source>w</source>
        <translation>w</translation>
    </message>
    <message>
        <source>weight w</source>
        <translation>权重 w</translation>
    </message>
    <message>
        <source>b</source>
        <translation>b</translation>
    </message>
    <message>
        <source>bias b</source>
        <translation>偏置 b</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>%1: no points</source>
        <translation>%1：无数据点</translation>
    </message>
    <message>
        <source>%1 too large to represent</source>
        <translation>%1 过大，无法表示</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>w %1</source>
        <translation>w %1</translation>
    </message>
    <message>
        <source>, b %1</source>
        <translation>，b %1</translation>
    </message>
    <message>
        <source>, %1 %2</source>
        <translation>，%1 %2</translation>
    </message>
</context>
<context>
    <name>ParameterSlider</name>
    <message>
        <source>%1; arrow keys move it by one grid step</source>
        <translation>%1；方向键每次移动一个网格步长</translation>
    </message>
    <message>
        <source>Type a value for %1</source>
        <translation>输入 %1 的值</translation>
    </message>
    <message>
        <source>%1 value</source>
        <translation>%1 的值</translation>
    </message>
</context>
<context>
    <name>PointCommand</name>
    <message>
        <source>Add point (%1, %2)</source>
        <translation>添加数据点 (%1, %2)</translation>
    </message>
    <message>
        <source>Remove point %1</source>
        <translation>删除数据点 %1</translation>
    </message>
    <message>
        <source>Drag point %1</source>
        <translation>拖动数据点 %1</translation>
    </message>
    <message>
        <source>Edit point %1</source>
        <translation>编辑数据点 %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Made with LossLab</source>
        <translation>使用 LossLab 制作</translation>
    </message>
</context>
<context>
    <name>RacerStyle</name>
    <message>
        <source>%1th</source>
        <comment>ordinal: 4th, 11th</comment>
        <translation>%1</translation>
    </message>
    <message>
        <source>%1st</source>
        <comment>ordinal: 1st, 21st</comment>
        <translation>%1</translation>
    </message>
    <message>
        <source>%1nd</source>
        <comment>ordinal: 2nd, 32nd</comment>
        <translation>%1</translation>
    </message>
    <message>
        <source>%1rd</source>
        <comment>ordinal: 3rd, 43rd</comment>
        <translation>%1</translation>
    </message>
    <message>
        <source>every %1 step shown</source>
        <translation>每 %1 步显示一步</translation>
    </message>
</context>
<context>
    <name>RmspropOptimizer</name>
    <message>
        <source>square average</source>
        <translation>平方平均值</translation>
    </message>
    <message>
        <source>gradient average</source>
        <translation>梯度平均值</translation>
    </message>
</context>
<context>
    <name>SessionDocument</name>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>Start again from the lesson&apos;s data and the default settings</source>
        <translation>从课程数据和默认设置重新开始</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a saved session or a CSV file of data</source>
        <translation>打开已保存的会话或 CSV 数据文件</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the data, the settings and the training run as a session</source>
        <translation>将数据、设置和训练过程保存为会话</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the session under a new name</source>
        <translation>以新名称保存会话</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n 个数据点</numerusform>
        </translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>已打开 %1。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>%1[*] — %2 — LossLab</source>
        <translation>%1[*] — %2 — LossLab</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <source>Restore your work?</source>
        <translation>恢复您的工作？</translation>
    </message>
    <message>
        <source>LossLab did not close normally last time. Restore the work that was not saved?</source>
        <translation>LossLab 上次未正常关闭。要恢复未保存的工作吗？</translation>
    </message>
    <message>
        <source>Cannot restore the work</source>
        <translation>无法恢复工作</translation>
    </message>
    <message>
        <source>Save the changes?</source>
        <translation>保存更改？</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved.</source>
        <translation>%1 有未保存的更改。</translation>
    </message>
    <message>
        <source>This session</source>
        <translation>此会话</translation>
    </message>
    <message>
        <source>No files yet</source>
        <translation>尚无文件</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Sessions and data (*.losslab *.csv *.tsv *.txt);;LossLab sessions (*.losslab);;CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>会话和数据 (*.losslab *.csv *.tsv *.txt);;LossLab 会话 (*.losslab);;CSV 文件 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot save the session</source>
        <translation>无法保存会话</translation>
    </message>
    <message>
        <source>Save the session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>lesson.losslab</source>
        <translation>lesson.losslab</translation>
    </message>
    <message>
        <source>LossLab sessions (*.losslab)</source>
        <translation>LossLab 会话 (*.losslab)</translation>
    </message>
    <message>
        <source>Open again one of the files opened or saved lately</source>
        <translation>重新打开最近打开或保存过的文件之一</translation>
    </message>
    <message>
        <source>Open this file again</source>
        <translation>再次打开此文件</translation>
    </message>
    <message>
        <source>Files opened or saved are listed here</source>
        <translation>打开或保存过的文件会列在这里</translation>
    </message>
    <message>
        <source>Forget the files opened or saved lately</source>
        <translation>清除最近打开或保存过的文件列表</translation>
    </message>
</context>
<context>
    <name>SessionFile</name>
    <message>
        <source>line %1, column %2</source>
        <translation>第 %1 行第 %2 列</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>damaged JSON at %1: %2</source>
        <translation>JSON 在%1处损坏：%2</translation>
    </message>
    <message>
        <source>not a LossLab session (the JSON is not an object)</source>
        <translation>不是 LossLab 会话（JSON 不是对象）</translation>
    </message>
    <message>
        <source>this is a folder, not a file</source>
        <translation>这是文件夹，不是文件</translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation>无法打开文件：%1</translation>
    </message>
    <message>
        <source>the file is larger than 1 GiB</source>
        <translation>文件大于 1 GiB</translation>
    </message>
    <message>
        <source>not a LossLab session (binary data)</source>
        <translation>不是 LossLab 会话（二进制数据）</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
</context>
<context>
    <name>SessionReader</name>
    <message>
        <source>missing %1; training on from this trail starts the optimizer afresh</source>
        <translation>缺少 %1；从此轨迹继续训练时，优化器将重新开始</translation>
    </message>
    <message>
        <source>%1 should be an array, not %2</source>
        <translation>%1 应为数组，而不是%2</translation>
    </message>
    <message>
        <source>%1 has %2 entries but %3 has %4</source>
        <translation>%1 有 %2 项，但 %3 有 %4 项</translation>
    </message>
    <message>
        <source>%1 should be an object or null, not %2</source>
        <translation>%1 应为对象或 null，而不是%2</translation>
    </message>
    <message>
        <source>%1 should be one of %2</source>
        <translation>%1 应为以下之一：%2</translation>
    </message>
    <message>
        <source>%1 should be a whole number of 0 or more</source>
        <translation>%1 应为大于或等于 0 的整数</translation>
    </message>
    <message>
        <source>%1 should be an array of at most %2 numbers</source>
        <translation>%1 应为最多包含 %2 个数的数组</translation>
    </message>
    <message>
        <source>%1 should be an array of %2 arrays</source>
        <translation>%1 应为包含 %2 个数组的数组</translation>
    </message>
    <message>
        <source>%1 holds a value that is not a finite number; the state is taken as unknown</source>
        <translation>%1 含有非有限数的值；该状态视为未知</translation>
    </message>
    <message>
        <source>not a LossLab session (it has no &quot;format&quot;: &quot;%1&quot;)</source>
        <translation>不是 LossLab 会话（缺少 &quot;format&quot;: &quot;%1&quot;）</translation>
    </message>
    <message>
        <source>the session&apos;s format version should be a whole number</source>
        <translation>会话的格式版本应为整数</translation>
    </message>
    <message>
        <source>written by a newer LossLab (session format version %1; this LossLab reads version %2 and older)</source>
        <translation>由更新版本的 LossLab 写入（会话格式版本 %1；此 LossLab 只能读取版本 %2 及更早版本）</translation>
    </message>
    <message>
        <source>unknown session format version %1</source>
        <translation>未知的会话格式版本 %1</translation>
    </message>
    <message>
        <source>using the lesson&apos;s points (1, 2), (2, 4), (3, 6)</source>
        <translation>使用课程的数据点 (1, 2)、(2, 4)、(3, 6)</translation>
    </message>
    <message>
        <source>data.x has %1 numbers but data.y has %2</source>
        <translation>data.x 有 %1 个数，但 data.y 有 %2 个</translation>
    </message>
    <message>
        <source>data: left out %1 point(s) whose x or y is not a finite number (the first is point %2)</source>
        <translation>data：略去了 %1 个 x 或 y 不是有限数的数据点（第一个是第 %2 个点）</translation>
    </message>
    <message>
        <source>missing %1; using the optimizer&apos;s default</source>
        <translation>缺少 %1；使用优化器的默认值</translation>
    </message>
    <message>
        <source>%1 should be a number or null, not %2</source>
        <translation>%1 应为数字或 null，而不是%2</translation>
    </message>
    <message>
        <source>%1: %2 is not %3; using the optimizer&apos;s default</source>
        <translation>%1：%2 不是%3；使用优化器的默认值</translation>
    </message>
    <message>
        <source>no optimizer races</source>
        <translation>不进行优化器对比</translation>
    </message>
    <message>
        <source>%1 should be an object, not %2</source>
        <translation>%1 应为对象，而不是%2</translation>
    </message>
    <message>
        <source>%1: %2 races already; left out, with its trail</source>
        <translation>%1：%2 已在对比中；已略去，连同其轨迹</translation>
    </message>
    <message>
        <source>no trail</source>
        <translation>没有轨迹</translation>
    </message>
    <message>
        <source>the trail is left out</source>
        <translation>略去该轨迹</translation>
    </message>
    <message>
        <source>%1 should be a whole number of 0 or more, not %2</source>
        <translation>%1 应为大于或等于 0 的整数，而不是%2</translation>
    </message>
    <message>
        <source>%1 should be true or false, not %2</source>
        <translation>%1 应为 true 或 false，而不是%2</translation>
    </message>
    <message>
        <source>%1 holds a value that is not a finite number; the trail is left out</source>
        <translation>%1 含有非有限数的值；略去该轨迹</translation>
    </message>
    <message>
        <source>%1: the step numbers do not increase; the trail is left out</source>
        <translation>%1：步数不是递增的；略去该轨迹</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>&amp;Continue from here</source>
        <translation>从此处继续(&amp;C)</translation>
    </message>
    <message>
        <source>training timeline</source>
        <translation>训练时间轴</translation>
    </message>
    <message>
        <source>Drag back to see w, b, the line and the loss at an earlier step.</source>
        <translation>向回拖动，查看较早某一步的 w、b、直线和损失。</translation>
    </message>
    <message>
        <source>Go back through the kept steps of the run without losing it; the end is the latest.</source>
        <translation>回看本次训练保留的各步而不丢失训练；最右端是最新一步。</translation>
    </message>
    <message>
        <source>continue from here</source>
        <translation>从此处继续</translation>
    </message>
    <message>
        <source>Train on from the step shown, with the optimizer&apos;s state it had there.</source>
        <translation>从所显示的这一步继续训练，使用优化器在该步时的状态。</translation>
    </message>
    <message>
        <source>Drop the steps after the one shown, so that Train and Step go on from it.</source>
        <translation>丢弃所显示这一步之后的各步，使“训练”和“单步”从这里继续。</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <source>No steps yet</source>
        <translation>尚无训练步</translation>
    </message>
</context>
<context>
    <name>Trainer</name>
    <message>
        <source>There are no data points to train on.</source>
        <translation>没有可用于训练的数据点。</translation>
    </message>
    <message>
        <source>Converged at step %1: |gradient| = %2 is below the tolerance %3.</source>
        <translation>在第 %1 步收敛：|梯度| = %2，低于容差 %3。</translation>
    </message>
    <message>
        <source>the gradient of the %1</source>
        <translation>%1的梯度</translation>
    </message>
    <message>
        <source>the %1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>At %1 %2 is too large to represent as a number (beyond 1.8e308): no step can be taken from there. Start nearer the data&apos;s fit, or rescale the data.</source>
        <translation>在 %1 处，%2过大，无法表示为数字（超出 1.8e308）：无法从该处继续迈步。请从更接近数据拟合结果的位置开始，或重新缩放数据。</translation>
    </message>
    <message>
        <source>At step %1 the state of %2 grew too large to represent (beyond 1.8e308): its steps would all be 0 from here. Rescale the data (Standardize x in the window), or use gd.</source>
        <translation>第 %1 步时，%2 的状态变得过大，无法表示（超出 1.8e308）：此后它的每一步都将为 0。请重新缩放数据（在窗口中勾选“标准化 x”），或改用 gd（梯度下降）。</translation>
    </message>
    <message>
        <source>Stopped at the step limit (%1 steps).</source>
        <translation>已在步数上限处停止（%1 步）。</translation>
    </message>
    <message>
        <source>the loss grew past %1 times its starting size</source>
        <translation>损失增长到超过初始值的 %1 倍</translation>
    </message>
    <message>
        <source>the update produced a number too large to represent</source>
        <translation>更新产生了过大而无法表示的数字</translation>
    </message>
    <message>
        <source>Diverged at step %1: %2 with learning rate %3.</source>
        <translation>在第 %1 步发散：学习率为 %3 时，%2。</translation>
    </message>
    <message>
        <source> For this data gradient descent is stable only for lr &lt; %1 (%2).</source>
        <translation>对于这些数据，梯度下降仅在 lr &lt; %1（%2）时稳定。</translation>
    </message>
    <message>
        <source>2/λmax of the Hessian</source>
        <translation>Hessian 矩阵的 2/λmax</translation>
    </message>
    <message>
        <source> Try a smaller learning rate.</source>
        <translation>请尝试更小的学习率。</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <source>Run gradient descent on a worker thread; press again to pause</source>
        <translation>在工作线程上运行梯度下降；再按一次可暂停</translation>
    </message>
    <message>
        <source>Take one gradient-descent step</source>
        <translation>执行一步梯度下降</translation>
    </message>
    <message>
        <source>Go back to the starting w and clear the trail</source>
        <translation>回到起始 w 并清除轨迹</translation>
    </message>
    <message>
        <source>Learning rate lr in w ← w − lr · dMSE/dw</source>
        <translation>w ← w − lr · dMSE/dw 中的学习率 lr</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <source>1 step a second</source>
        <translation>每秒 1 步</translation>
    </message>
    <message>
        <source>%1 steps a second</source>
        <translation>每秒 %1 步</translation>
    </message>
    <message>
        <source>How many steps a second training takes</source>
        <translation>训练每秒执行的步数</translation>
    </message>
    <message>
        <source>Training stops by itself after this many steps</source>
        <translation>训练执行到此步数后自动停止</translation>
    </message>
    <message>
        <source>Training stops when |gradient| falls below this (0: never)</source>
        <translation>当 |梯度| 低于此值时训练停止（0：从不停止）</translation>
    </message>
    <message>
        <source>tolerance</source>
        <translation>容差</translation>
    </message>
    <message>
        <source>S&amp;peed</source>
        <translation>速度(&amp;P)</translation>
    </message>
    <message>
        <source>Stop when |gradient| &amp;&lt;</source>
        <translation>停止条件：|梯度| &amp;&lt;</translation>
    </message>
    <message>
        <source>training state</source>
        <translation>训练状态</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>step %1   no points to train on</source>
        <translation>第 %1 步   没有可训练的数据点</translation>
    </message>
    <message>
        <source>step %1   w = %2</source>
        <translation>第 %1 步   w = %2</translation>
    </message>
    <message>
        <source>   b = %1</source>
        <translation>   b = %1</translation>
    </message>
    <message>
        <source>   %1 or its gradient too large to represent</source>
        <translation>   %1 或其梯度过大，无法表示</translation>
    </message>
    <message>
        <source>   %1 = %2   d%1/dw = %3</source>
        <translation>   %1 = %2   d%1/dw = %3</translation>
    </message>
    <message>
        <source>   d%1/db = %2</source>
        <translation>   d%1/db = %2</translation>
    </message>
    <message>
        <source>every rate is stable (all x are 0)</source>
        <translation>任何学习率都稳定（所有 x 都为 0）</translation>
    </message>
    <message>
        <source>every rate is stable (the limit is too large to represent)</source>
        <translation>任何学习率都稳定（上限过大，无法表示）</translation>
    </message>
    <message>
        <source>stable only below about 1e-308 (too small to represent): every rate here will diverge</source>
        <translation>仅在约 1e-308 以下稳定（过小，无法表示）：此处任何学习率都会发散</translation>
    </message>
    <message>
        <source>above the stable limit %1: will diverge</source>
        <translation>超过稳定上限 %1：将会发散</translation>
    </message>
    <message>
        <source>stable below %1</source>
        <translation>低于 %1 时稳定</translation>
    </message>
    <message>
        <source>speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>step limit</source>
        <translation>步数上限</translation>
    </message>
    <message>
        <source>Lear&amp;ning rate</source>
        <translation>学习率(&amp;N)</translation>
    </message>
    <message>
        <source>Step l&amp;imit</source>
        <translation>步数上限(&amp;I)</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <source>The step limit (%1) is reached: raise it or press Reset.</source>
        <translation>已达到步数上限（%1）：请提高上限或按“重置”。</translation>
    </message>
    <message>
        <source>Paused at step %1.</source>
        <translation>已在第 %1 步暂停。</translation>
    </message>
    <message>
        <source>at step %1.</source>
        <translation>在第 %1 步。</translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>Cannot find the translation %1.qm in %2.</source>
        <translation>在 %2 中找不到翻译文件 %1.qm。</translation>
    </message>
</context>
<context>
    <name>ViewTabs</name>
    <message>
        <source>Logarithmic loss a&amp;xis</source>
        <translation>对数损失坐标轴(&amp;X)</translation>
    </message>
    <message>
        <source>Show the loss on a log scale: steady convergence is a straight line</source>
        <translation>以对数刻度显示损失：稳定收敛时呈一条直线</translation>
    </message>
    <message>
        <source>Loss per step</source>
        <translation>每步损失</translation>
    </message>
    <message>
        <source>The loss after each step of training (Ctrl+Tab: the next tab)</source>
        <translation>训练每一步之后的损失（Ctrl+Tab：下一个标签页）</translation>
    </message>
    <message>
        <source>Loss surface</source>
        <translation>损失曲面</translation>
    </message>
    <message>
        <source>The loss over (w, b), for the model y = w·x + b</source>
        <translation>模型 y = w·x + b 的损失随 (w, b) 的变化</translation>
    </message>
    <message>
        <source>Model and optimizer</source>
        <translation>模型与优化器</translation>
    </message>
    <message>
        <source>Choose the model, the loss, the optimizer and its rivals</source>
        <translation>选择模型、损失、优化器及其对比对象</translation>
    </message>
    <message>
        <source>Optimizer state</source>
        <translation>优化器状态</translation>
    </message>
    <message>
        <source>The optimizer&apos;s velocity or averages at the current step</source>
        <translation>优化器在当前步的速度或平均值</translation>
    </message>
    <message>
        <source>Grid search</source>
        <translation>网格搜索</translation>
    </message>
    <message>
        <source>Replay the lesson&apos;s search over every w on the grid</source>
        <translation>重演课程中对网格上每个 w 的搜索</translation>
    </message>
    <message>
        <source>views</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>The views under the controls; Ctrl+Tab shows the next</source>
        <translation>控件下方的各个视图；按 Ctrl+Tab 显示下一个</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open, save and export the work, or quit</source>
        <translation>打开、保存和导出工作，或退出</translation>
    </message>
    <message>
        <source>Open &amp;example</source>
        <translation>打开示例(&amp;E)</translation>
    </message>
    <message>
        <source>Open one of the data sets built into LossLab</source>
        <translation>打开 LossLab 内置的数据集之一</translation>
    </message>
    <message>
        <source>The &amp;lesson: (1, 2), (2, 4), (3, 6)</source>
        <translation>课程数据：(1, 2), (2, 4), (3, 6)(&amp;L)</translation>
    </message>
    <message>
        <source>Go back to the lesson&apos;s three points, which y = 2·x fits exactly</source>
        <translation>回到课程的三个数据点，y = 2·x 恰好拟合它们</translation>
    </message>
    <message>
        <source>&amp;Gapminder: life expectancy against income</source>
        <translation>Gapminder：预期寿命与收入(&amp;G)</translation>
    </message>
    <message>
        <source>Gapminder (x = income, y = health)</source>
        <translation>Gapminder（x = 收入，y = 健康）</translation>
    </message>
    <message>
        <source>Countries&apos; life expectancy against income, where large x diverge</source>
        <translation>各国预期寿命与收入的关系，x 很大时训练会发散</translation>
    </message>
    <message>
        <source>Global &amp;temperature anomaly by year</source>
        <translation>历年全球气温距平(&amp;T)</translation>
    </message>
    <message>
        <source>global temperature (x = year, y = temp)</source>
        <translation>全球气温（x = 年份，y = 气温）</translation>
    </message>
    <message>
        <source>The global temperature anomaly by year, which no line through the origin follows</source>
        <translation>逐年的全球气温距平，任何过原点的直线都无法拟合</translation>
    </message>
    <message>
        <source>Save a chart, the points, the training trail or the grid-search log to a file</source>
        <translation>将图表、数据点、训练轨迹或网格搜索日志保存到文件</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close LossLab, asking first about unsaved changes</source>
        <translation>关闭 LossLab，如有未保存的更改会先询问</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Undo and redo, copy a chart, clear the points, or choose the language</source>
        <translation>撤销和重做、复制图表、清除数据点，或选择语言</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Take back the last change to the points or to w and b</source>
        <translation>撤销对数据点或 w、b 的最近一次更改</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Make again the change just taken back</source>
        <translation>重新执行刚撤销的更改</translation>
    </message>
    <message>
        <source>Put a chart on the clipboard as an image</source>
        <translation>将图表作为图像放到剪贴板</translation>
    </message>
    <message>
        <source>&amp;Clear the points</source>
        <translation>清除数据点(&amp;C)</translation>
    </message>
    <message>
        <source>Remove every point, to place new ones by clicking the chart</source>
        <translation>删除所有数据点，以便单击图表放置新的数据点</translation>
    </message>
    <message>
        <source>&amp;Lesson</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>Search the grid, train, step, reset and move w</source>
        <translation>网格搜索、训练、单步、重置和移动 w</translation>
    </message>
    <message>
        <source>Run &amp;grid search</source>
        <translation>运行网格搜索(&amp;G)</translation>
    </message>
    <message>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <source>Try every w on the grid and drop each onto the loss curve</source>
        <translation>尝试网格上的每个 w，并将结果逐个标在损失曲线上</translation>
    </message>
    <message>
        <source>&amp;Train or pause</source>
        <translation>训练或暂停(&amp;T)</translation>
    </message>
    <message>
        <source>Start gradient descent, or pause it (Space)</source>
        <translation>开始梯度下降，或将其暂停（Space）</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <source>Take one step of gradient descent (S)</source>
        <translation>执行一步梯度下降（S）</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <source>Go back to the start of the run (R)</source>
        <translation>回到本次训练的起点（R）</translation>
    </message>
    <message>
        <source>&amp;Decrease w</source>
        <translation>减小 w(&amp;D)</translation>
    </message>
    <message>
        <source>Move w down by one grid step, 0.1 on the lesson&apos;s data (Left)</source>
        <translation>将 w 减小一个网格步长，在课程数据上为 0.1（左方向键）</translation>
    </message>
    <message>
        <source>&amp;Increase w</source>
        <translation>增大 w(&amp;I)</translation>
    </message>
    <message>
        <source>Move w up by one grid step, 0.1 on the lesson&apos;s data (Right)</source>
        <translation>将 w 增大一个网格步长，在课程数据上为 0.1（右方向键）</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>What LossLab is, and where its example data come from</source>
        <translation>LossLab 是什么，以及示例数据的来源</translation>
    </message>
    <message>
        <source>&amp;About LossLab</source>
        <translation>关于 LossLab(&amp;A)</translation>
    </message>
    <message>
        <source>Show the version of LossLab and where its example data come from</source>
        <translation>显示 LossLab 的版本以及示例数据的来源</translation>
    </message>
    <message>
        <source>Cannot open the example</source>
        <translation>无法打开示例</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n point(s).</source>
        <translation>
            <numerusform>已打开 %1：%n 个数据点。</numerusform>
        </translation>
    </message>
    <message>
        <source>About LossLab</source>
        <translation>关于 LossLab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;LossLab %1&lt;/h3&gt;&lt;p&gt;See how a machine-learning model learns: the models y = w·x and y = w·x + b, their losses, a grid search over w, and gradient descent, momentum, Nesterov, AdaGrad, RMSprop and Adam on a worker thread.&lt;/p&gt;&lt;p&gt;Example data: the Gapminder and global-temperature files come from the vega-datasets package 2.11.0 (BSD-3-Clause); the Gapminder data are from the Gapminder Foundation.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LossLab %1&lt;/h3&gt;&lt;p&gt;看看机器学习模型是如何学习的：模型 y = w·x 和 y = w·x + b、它们的损失、对 w 的网格搜索，以及在工作线程上运行的梯度下降、动量、Nesterov、AdaGrad、RMSprop 和 Adam。&lt;/p&gt;&lt;p&gt;示例数据：Gapminder 和全球气温文件来自 vega-datasets 软件包 2.11.0（BSD-3-Clause）；Gapminder 数据来自 Gapminder 基金会。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>Cop&amp;y chart</source>
        <translation>复制图表(&amp;Y)</translation>
    </message>
</context>
</TS>
