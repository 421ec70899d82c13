<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>DatasetsPanel</name>
    <message>
        <source>Reading the cached index…</source>
        <translation>正在读取缓存的索引…</translation>
    </message>
    <message>
        <source>%1 files seen</source>
        <translation>已扫描 %1 个文件</translation>
    </message>
    <message>
        <source>%1 identities, %2 images</source>
        <translation>%1 个身份，%2 张图像</translation>
    </message>
</context>
<context>
    <name>EvaluationPanel</name>
    <message>
        <source>%1 is not a run folder. Choose a folder inside runs/ (named &lt;name&gt;-&lt;date&gt;-&lt;time&gt;, holding config.yaml and metrics.jsonl).</source>
        <translation>%1 不是运行文件夹。请选择 runs/ 中的一个文件夹（命名为 &lt;name&gt;-&lt;date&gt;-&lt;time&gt;，包含 config.yaml 和 metrics.jsonl）。</translation>
    </message>
</context>
<context>
    <name>FaceCropTask</name>
    <message>
        <source>%1 (record at %2): cannot decode the image (%3)</source>
        <translation>%1（位于 %2 的记录）：无法解码图像（%3）</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Unknown error</source>
        <translation>未知错误</translation>
    </message>
</context>
<context>
    <name>PretrainedChoices</name>
    <message>
        <source>No pretrained network is installed: run `%1` to fetch them into %2</source>
        <translation>未安装预训练网络：运行 `%1` 将其获取到 %2</translation>
    </message>
    <message>
        <source>Pretrained</source>
        <translation>预训练</translation>
    </message>
    <message>
        <source>%1 (pretrained, %2)</source>
        <translation>%1（预训练，%2）</translation>
    </message>
    <message>
        <source>none installed: run %1</source>
        <translation>未安装：运行 %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Export figure</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;PDF 文档 (*.pdf);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>CSV (*.csv);;Markdown (*.md)</source>
        <translation>CSV (*.csv);;Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export figure (PNG, PDF, SVG)…</source>
        <translation>导出图表（PNG、PDF、SVG）…</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Failure pairs</source>
        <translation>误判样本对</translation>
    </message>
    <message>
        <source>Benchmark</source>
        <translation>基准测试</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <source>%1
%2 x %3 px, face box %4,%5 %6 x %7</source>
        <translation>%1
%2 x %3 px，人脸框 %4,%5 %6 x %7</translation>
    </message>
    <message>
        <source>%1
%2 x %3 px, a face crop (no boxes.csv)</source>
        <translation>%1
%2 x %3 px，已裁剪的人脸（无 boxes.csv）</translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation>%1 vs %2</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1：无法创建文件夹</translation>
    </message>
    <message>
        <source>%1: PNG encoding failed: %2</source>
        <translation>%1：PNG 编码失败：%2</translation>
    </message>
    <message>
        <source>%1: cannot start the PDF</source>
        <translation>%1：无法开始写入 PDF</translation>
    </message>
    <message>
        <source>%1: cannot start the SVG</source>
        <translation>%1：无法开始写入 SVG</translation>
    </message>
    <message>
        <source>%1: no chart to export</source>
        <translation>%1：没有可导出的图表</translation>
    </message>
    <message>
        <source>%1: figure size %2 x %3 mm is outside 1..2000 mm</source>
        <translation>%1：图表尺寸 %2 x %3 mm 超出 1..2000 mm 范围</translation>
    </message>
    <message>
        <source>%1: %2 DPI is outside 10..2400</source>
        <translation>%1：%2 DPI 超出 10..2400 范围</translation>
    </message>
    <message>
        <source>%1: PNG scale %2 is outside (0, 8]</source>
        <translation>%1：PNG 缩放倍数 %2 超出 (0, 8] 范围</translation>
    </message>
    <message>
        <source>%1: the PNG would exceed 400 megapixels</source>
        <translation>%1：PNG 将超过 4 亿像素</translation>
    </message>
    <message>
        <source>%1: the file name must end in .png, .pdf or .svg</source>
        <translation>%1：文件名必须以 .png、.pdf 或 .svg 结尾</translation>
    </message>
    <message>
        <source>%1: the table file must end in .csv or .md</source>
        <translation>%1：表格文件名必须以 .csv 或 .md 结尾</translation>
    </message>
    <message>
        <source>False accept rate (FAR, log scale)</source>
        <translation>误识率（FAR，对数刻度）</translation>
    </message>
    <message>
        <source>True accept rate (TAR)</source>
        <translation>通过率（TAR）</translation>
    </message>
    <message>
        <source>Cosine similarity score</source>
        <translation>余弦相似度分数</translation>
    </message>
    <message>
        <source>Fraction of pairs per bin</source>
        <translation>每个区间的样本对比例</translation>
    </message>
    <message>
        <source>Impostor pairs</source>
        <translation>异人对</translation>
    </message>
    <message>
        <source>Genuine pairs</source>
        <translation>同人对</translation>
    </message>
    <message>
        <source>Held-out fold</source>
        <translation>留出折</translation>
    </message>
    <message>
        <source>Accuracy (%)</source>
        <translation>准确率 (%)</translation>
    </message>
    <message>
        <source>Fold accuracy</source>
        <translation>各折准确率</translation>
    </message>
    <message>
        <source>Mean %1% ± %2 (s.e.)</source>
        <translation>均值 %1% ± %2（标准误）</translation>
    </message>
    <message>
        <source>Pose</source>
        <translation>姿态</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>%1 of template B (level)</source>
        <translation>模板 B 的%1（等级）</translation>
    </message>
    <message>
        <source>%1 of template A (level)</source>
        <translation>模板 A 的%1（等级）</translation>
    </message>
    <message>
        <source>Mean cosine similarity</source>
        <translation>平均余弦相似度</translation>
    </message>
    <message>
        <source>Batch size (images, log scale)</source>
        <translation>批大小（图像数，对数刻度）</translation>
    </message>
    <message>
        <source>Throughput (images/s)</source>
        <translation>吞吐量（图像/秒）</translation>
    </message>
    <message>
        <source>No benchmark rows</source>
        <translation>没有基准测试数据行</translation>
    </message>
    <message>
        <source> (no batch ran)</source>
        <translation>（未运行任何批次）</translation>
    </message>
    <message>
        <source>Out of memory / failed</source>
        <translation>内存不足 / 失败</translation>
    </message>
    <message>
        <source>Devices or processes (n)</source>
        <translation>设备数或进程数 (n)</translation>
    </message>
    <message>
        <source>No scaling rows: benchmark on two or more devices
%1</source>
        <translation>没有扩展性数据行：请在两个或更多设备上运行基准测试
%1</translation>
    </message>
    <message>
        <source>eq. 6: %1%2%</source>
        <translation>式 6：%1%2%</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Configuration (model, batch size)</source>
        <translation>配置（模型，批大小）</translation>
    </message>
    <message>
        <source>Time per iteration (ms)</source>
        <translation>每次迭代耗时 (ms)</translation>
    </message>
    <message>
        <source>t_data: waiting for the loader (eq. 7)</source>
        <translation>t_data：等待数据加载器（式 7）</translation>
    </message>
    <message>
        <source>t_compute: training step</source>
        <translation>t_compute：训练步</translation>
    </message>
    <message>
        <source>t_agg: gradient all-reduce (eq. 7)</source>
        <translation>t_agg：梯度 all-reduce（式 7）</translation>
    </message>
    <message>
        <source>No successful benchmark rows</source>
        <translation>没有成功的基准测试数据行</translation>
    </message>
    <message>
        <source>Training step (iterations)</source>
        <translation>训练步数（迭代次数）</translation>
    </message>
    <message>
        <source>Training accuracy (fraction of batch)</source>
        <translation>训练准确率（批内比例）</translation>
    </message>
    <message>
        <source>Training loss (nats)</source>
        <translation>训练损失 (nats)</translation>
    </message>
    <message>
        <source>threshold at FAR %1: %2</source>
        <translation>FAR %1 时的阈值：%2</translation>
    </message>
    <message>
        <source>Scores: %1</source>
        <translation>分数：%1</translation>
    </message>
    <message>
        <source>ROC: %1</source>
        <translation>ROC：%1</translation>
    </message>
    <message>
        <source>LFW 10-fold accuracy</source>
        <translation>LFW 十折交叉验证准确率</translation>
    </message>
    <message>
        <source>VGGFace2 pose templates</source>
        <translation>VGGFace2 姿态模板</translation>
    </message>
    <message>
        <source>VGGFace2 age templates</source>
        <translation>VGGFace2 年龄模板</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>Training accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <source>Throughput against batch size</source>
        <translation>吞吐量随批大小的变化</translation>
    </message>
    <message>
        <source>Data loading against compute</source>
        <translation>数据加载与计算</translation>
    </message>
    <message>
        <source>Scaling (eq. 6 speedup)</source>
        <translation>扩展性（式 6 加速比）</translation>
    </message>
    <message>
        <source>%1: nothing to draw: no eval/*.json, metrics.jsonl or bench/*.json</source>
        <translation>%1：没有可绘制的内容：缺少 eval/*.json、metrics.jsonl 或 bench/*.json</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>(base)</source>
        <translation>（基础）</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Rank (log scale)</source>
        <translation>排名（对数刻度）</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Identification rate (closed set)</source>
        <translation>识别率（闭集）</translation>
    </message>
    <message>
        <source>Gallery %1 (%2 subjects, %3 mated probes)</source>
        <translation>图库 %1（%2 个主体，%3 个匹配探针）</translation>
    </message>
    <message>
        <source>False positive identification rate (FPIR, log scale)</source>
        <translation>误识率（FPIR，对数刻度）</translation>
    </message>
    <message>
        <source>True positive identification rate (TPIR)</source>
        <translation>正确识别率（TPIR）</translation>
    </message>
    <message>
        <source>Gallery %1 (%2 non-mated probes)</source>
        <translation>图库 %1（%2 个非匹配探针）</translation>
    </message>
    <message>
        <source>Not resolvable (fewer than 1/FPIR non-mated probes)</source>
        <translation>不可分辨（非匹配探针少于 1/FPIR）</translation>
    </message>
    <message>
        <source>95% interval [%1, %2] (Student t over the folds)</source>
        <translation>95% 区间 [%1, %2]（各折的 Student t）</translation>
    </message>
    <message>
        <source>CMC (1:N closed set)</source>
        <translation>CMC（1:N 闭集）</translation>
    </message>
    <message>
        <source>TPIR at FPIR (1:N open set)</source>
        <translation>FPIR 下的 TPIR（1:N 开集）</translation>
    </message>
</context>
<context>
    <name>ThumbnailModel</name>
    <message>
        <source>%1: cannot decode the image (%2)</source>
        <translation>%1：无法解码图像（%2）</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
</context>
<context>
    <name>UserMessage</name>
    <message>
        <source>the file is not valid JSON (line %1, column %2): it may be empty, cut short or not the file meant; write it again with FaceBench</source>
        <translation>文件不是有效的 JSON（第 %1 行，第 %2 列）：它可能为空、被截断或并非所需的文件；请用 FaceBench 重新写入</translation>
    </message>
    <message>
        <source>not a PyTorch checkpoint FaceBench can read: the file is empty, cut short or saved by an old PyTorch. Train the run again, or save the weights again with a current PyTorch</source>
        <translation>不是 FaceBench 可读取的 PyTorch 检查点：文件为空、被截断或由旧版 PyTorch 保存。请重新训练该运行，或用当前版本的 PyTorch 重新保存权重</translation>
    </message>
</context>
<context>
    <name>fb::ui::AboutDialog</name>
    <message>
        <source>About FaceBench</source>
        <translation>关于 FaceBench</translation>
    </message>
    <message>
        <source>A workbench for training, evaluating and benchmarking deep face-recognition models.</source>
        <translation>用于训练、评估深度人脸识别模型并对其进行基准测试的工作台。</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1（使用 %2 构建）</translation>
    </message>
    <message>
        <source>FaceBench:</source>
        <translation>FaceBench：</translation>
    </message>
    <message>
        <source>LibTorch:</source>
        <translation>LibTorch：</translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation>Qt：</translation>
    </message>
    <message>
        <source>Compute:</source>
        <translation>计算设备：</translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation>许可证：</translation>
    </message>
    <message>
        <source>GNU General Public License, version 3 or later</source>
        <translation>GNU 通用公共许可证第 3 版或更高版本</translation>
    </message>
    <message>
        <source>Study:</source>
        <translation>研究：</translation>
    </message>
</context>
<context>
    <name>fb::ui::BenchPanel</name>
    <message>
        <source>cpu, cuda or cuda:N; comma-separated for several (Fig. 3 scaling)</source>
        <translation>cpu、cuda 或 cuda:N；多个设备用逗号分隔（图 3 扩展性）</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>不限制</translation>
    </message>
    <message>
        <source>runs/ in the working folder</source>
        <translation>工作文件夹中的 runs/</translation>
    </message>
    <message>
        <source>Each benchmark is saved in a bench-&lt;date&gt;-&lt;time&gt; folder here</source>
        <translation>每次基准测试都保存在此处的 bench-&lt;date&gt;-&lt;time&gt; 文件夹中</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose the folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <source>Save benchmarks in</source>
        <translation>基准测试保存位置</translation>
    </message>
    <message>
        <source>Run benchmark</source>
        <translation>运行基准测试</translation>
    </message>
    <message>
        <source>Open bench.json…</source>
        <translation>打开 bench.json…</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>Models:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>Batch sizes:</source>
        <translation>批大小：</translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>数值精度：</translation>
    </message>
    <message>
        <source>Timed iterations:</source>
        <translation>计时迭代次数：</translation>
    </message>
    <message>
        <source>Warm-up iterations:</source>
        <translation>预热迭代次数：</translation>
    </message>
    <message>
        <source>CPU memory cap:</source>
        <translation>CPU 内存上限：</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <source>Throughput (Fig. 2)</source>
        <translation>吞吐量（图 2）</translation>
    </message>
    <message>
        <source>Scaling (Fig. 3)</source>
        <translation>扩展性（图 3）</translation>
    </message>
    <message>
        <source>Data vs compute</source>
        <translation>数据加载与计算</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>数据行</translation>
    </message>
    <message>
        <source>Configure a sweep and run it, or open a stored bench.json.</source>
        <translation>配置参数扫描并运行，或打开已保存的 bench.json。</translation>
    </message>
    <message>
        <source>Open benchmark</source>
        <translation>打开基准测试结果</translation>
    </message>
    <message>
        <source>Benchmark (bench.json *.json)</source>
        <translation>基准测试结果 (bench.json *.json)</translation>
    </message>
    <message>
        <source>%1: %2 rows, started %3</source>
        <translation>%1：%2 行，开始于 %3</translation>
    </message>
    <message>
        <source>Throughput against batch size</source>
        <translation>吞吐量随批大小的变化</translation>
    </message>
    <message>
        <source>Scaling with eq. 6 speedup</source>
        <translation>扩展性与加速比（式 6）</translation>
    </message>
    <message>
        <source>Data loading against compute per iteration</source>
        <translation>每次迭代的数据加载与计算时间</translation>
    </message>
    <message>
        <source>Data loading, compute and all-reduce per iteration</source>
        <translation>每次迭代的数据加载、计算与 all-reduce 时间</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Images/s</source>
        <translation>图像/秒</translation>
    </message>
    <message>
        <source>ms median</source>
        <translation>中位数 (ms)</translation>
    </message>
    <message>
        <source>ms p90</source>
        <translation>p90 (ms)</translation>
    </message>
    <message>
        <source>Peak mem (MiB)</source>
        <translation>峰值内存 (MiB)</translation>
    </message>
    <message>
        <source>t_data (ms)</source>
        <translation>t_data (ms)</translation>
    </message>
    <message>
        <source>t_compute (ms)</source>
        <translation>t_compute (ms)</translation>
    </message>
    <message>
        <source>Bound</source>
        <translation>瓶颈</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>No job runner: benchmarks need the workbench window.</source>
        <translation>没有任务调度器：基准测试需要在工作台窗口中运行。</translation>
    </message>
    <message>
        <source>Benchmark</source>
        <translation>基准测试</translation>
    </message>
    <message>
        <source>Benchmark %1 models</source>
        <translation>对 %1 个模型进行基准测试</translation>
    </message>
    <message>
        <source>Benchmark queued: it runs when its device is free (progress on the Jobs page)…</source>
        <translation>基准测试已排队：设备空闲时开始运行（进度见“任务”页面）…</translation>
    </message>
    <message>
        <source>%1 configurations; written to %2</source>
        <translation>%1 种配置；已写入 %2</translation>
    </message>
    <message>
        <source>Benchmark failed: %1</source>
        <translation>基准测试失败：%1</translation>
    </message>
    <message>
        <source>Check the pretrained networks</source>
        <translation>勾选预训练网络</translation>
    </message>
    <message>
        <source>Pretrained, installed: %1
%2
Throughput does not depend on the weights.</source>
        <translation>预训练，已安装：%1
%2
吞吐量与权重无关。</translation>
    </message>
    <message>
        <source>Pretrained, not installed: run %1</source>
        <translation>预训练，未安装：运行 %1</translation>
    </message>
    <message>
        <source>Check %1</source>
        <translation>勾选 %1</translation>
    </message>
</context>
<context>
    <name>fb::ui::ComparisonPanel</name>
    <message>
        <source>Not resolvable: the set has fewer impostor pairs than 1/FAR, so this TAR is not measured at that FAR</source>
        <translation>分辨率不足：该测试集的异人对少于 1/FAR，因此无法在该 FAR 下测量此 TAR</translation>
    </message>
    <message>
        <source>Add run…</source>
        <translation>添加运行…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>Training accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <source>The verification set whose ROCs are overlaid</source>
        <translation>要叠加显示其 ROC 曲线的人脸验证测试集</translation>
    </message>
    <message>
        <source>Copy table (Markdown)</source>
        <translation>复制表格（Markdown）</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>Export table…</source>
        <translation>导出表格…</translation>
    </message>
    <message>
        <source>Runs:</source>
        <translation>运行：</translation>
    </message>
    <message>
        <source>Curve:</source>
        <translation>曲线：</translation>
    </message>
    <message>
        <source>ROC of:</source>
        <translation>ROC 测试集：</translation>
    </message>
    <message>
        <source>Table 3 layout: LFW accuracy, VGGFace2 pose and age similarity, IJB-A cross-quality TAR (%)</source>
        <translation>表 3 布局：LFW 准确率、VGGFace2 姿态与年龄相似度、IJB-A 跨质量 TAR (%)</translation>
    </message>
    <message>
        <source>Table 15 layout: DFW and UMDFaces tracks, TAR (%)</source>
        <translation>表 15 布局：DFW 与 UMDFaces 各子任务，TAR (%)</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b03000&apos;&gt;*&lt;/span&gt; not resolvable: the set has fewer impostor pairs than 1/FAR, so that TAR is not measured.</source>
        <translation>&lt;span style=&apos;color:#b03000&apos;&gt;*&lt;/span&gt; 分辨率不足：该测试集的异人对少于 1/FAR，因此无法测量该 TAR。</translation>
    </message>
    <message>
        <source>Training curves</source>
        <translation>训练曲线</translation>
    </message>
    <message>
        <source>ROC</source>
        <translation>ROC</translation>
    </message>
    <message>
        <source>Results table</source>
        <translation>结果表</translation>
    </message>
    <message>
        <source>Add two or more runs to compare them.</source>
        <translation>添加两个或更多运行以进行对比。</translation>
    </message>
    <message>
        <source>Run folder</source>
        <translation>运行文件夹</translation>
    </message>
    <message>
        <source>Copied the table as Markdown.</source>
        <translation>已将表格复制为 Markdown。</translation>
    </message>
    <message>
        <source>%1 runs, %2 with evaluation results</source>
        <translation>%1 个运行，其中 %2 个有评估结果</translation>
    </message>
    <message>
        <source>ROC: %1</source>
        <translation>ROC：%1</translation>
    </message>
    <message>
        <source>%1% interval (%2): %3 to %4</source>
        <translation>%1% 置信区间（%2）：%3 至 %4</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>CSV (*.csv);;Markdown (*.md);;JSON (*.json)</source>
        <translation>CSV (*.csv);;Markdown (*.md);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
</context>
<context>
    <name>fb::ui::CropCanvas</name>
    <message>
        <source>Select an image to preview its face crop.</source>
        <translation>选择一张图像以预览其人脸裁剪结果。</translation>
    </message>
</context>
<context>
    <name>fb::ui::CurvePlot</name>
    <message>
        <source>%1: %2 (smoothed %3)</source>
        <translation>%1：%2（平滑后 %3）</translation>
    </message>
    <message>
        <source>Step (iterations)</source>
        <translation>步数（迭代次数）</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Wall time (s)</source>
        <translation>墙钟时间 (s)</translation>
    </message>
</context>
<context>
    <name>fb::ui::DatasetStatsView</name>
    <message>
        <source>Depth: images per identity</source>
        <translation>深度：每个身份的图像数</translation>
    </message>
    <message>
        <source>Images per identity (count)</source>
        <translation>每个身份的图像数</translation>
    </message>
    <message>
        <source>Identities (count)</source>
        <translation>身份数</translation>
    </message>
    <message>
        <source>No dataset indexed.</source>
        <translation>尚未索引数据集。</translation>
    </message>
    <message>
        <source>&lt;table cellspacing=&apos;2&apos;&gt;&lt;tr&gt;&lt;td&gt;Format:&lt;/td&gt;&lt;td&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Breadth (identities):&lt;/td&gt;&lt;td&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Images:&lt;/td&gt;&lt;td&gt;&lt;b&gt;%3&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Depth (images per identity), mean:&lt;/td&gt;&lt;td&gt;&lt;b&gt;%4&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Depth, median:&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Depth, min – max:&lt;/td&gt;&lt;td&gt;%6 – %7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Problems:&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellspacing=&apos;2&apos;&gt;&lt;tr&gt;&lt;td&gt;格式：&lt;/td&gt;&lt;td&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;广度（身份数）：&lt;/td&gt;&lt;td&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;图像数：&lt;/td&gt;&lt;td&gt;&lt;b&gt;%3&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;深度（每个身份的图像数），均值：&lt;/td&gt;&lt;td&gt;&lt;b&gt;%4&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;深度，中位数：&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;深度，最小值 – 最大值：&lt;/td&gt;&lt;td&gt;%6 – %7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;问题：&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>Identities</source>
        <translation>身份</translation>
    </message>
</context>
<context>
    <name>fb::ui::DatasetsPanel</name>
    <message>
        <source>Dataset folder, list file or .rec file</source>
        <translation>数据集文件夹、列表文件或 .rec 文件</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>ImageFolder (identity/image)</source>
        <translation>ImageFolder（身份/图像）</translation>
    </message>
    <message>
        <source>LFW (Name/Name_0001.jpg)</source>
        <translation>LFW (Name/Name_0001.jpg)</translation>
    </message>
    <message>
        <source>List file (path label)</source>
        <translation>列表文件（路径 标签）</translation>
    </message>
    <message>
        <source>RecordIO (train.rec)</source>
        <translation>RecordIO (train.rec)</translation>
    </message>
    <message>
        <source>This folder holds a dataset&apos;s parts: the training part is indexed first; pick another to browse it</source>
        <translation>此文件夹包含数据集的多个部分：首先索引训练部分；选择其他部分即可浏览</translation>
    </message>
    <message>
        <source>Part:</source>
        <translation>部分：</translation>
    </message>
    <message>
        <source>Open Folder…</source>
        <translation>打开文件夹…</translation>
    </message>
    <message>
        <source>Open List File…</source>
        <translation>打开列表文件…</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>建立索引</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open a dataset to browse its identities.</source>
        <translation>打开数据集以浏览其中的身份。</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>数据集：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Search identities</source>
        <translation>搜索身份</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Face crop preview</source>
        <translation>人脸裁剪预览</translation>
    </message>
    <message>
        <source>Identities</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>%1 of %2 thumbnails loaded</source>
        <translation>已加载 %1/%2 张缩略图</translation>
    </message>
    <message>
        <source>Give a dataset folder or list file to index.</source>
        <translation>请指定要索引的数据集文件夹或列表文件。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>Index %1</source>
        <translation>索引 %1</translation>
    </message>
    <message>
        <source>Indexing %1…</source>
        <translation>正在索引 %1…</translation>
    </message>
    <message>
        <source>Indexing %1: %2</source>
        <translation>正在索引 %1：%2</translation>
    </message>
    <message>
        <source>%1 (%2): %3 identities, %4 images</source>
        <translation>%1（%2）：%3 个身份，%4 张图像</translation>
    </message>
    <message numerus="yes">
        <source>; %n problem(s), e.g. %1: %2</source>
        <translation>
            <numerusform>；%n 个问题，例如 %1：%2</numerusform>
        </translation>
    </message>
    <message>
        <source> (from the cached index)</source>
        <translation>（来自缓存的索引）</translation>
    </message>
    <message>
        <source>Indexing cancelled.</source>
        <translation>索引已取消。</translation>
    </message>
    <message>
        <source>Indexing failed.</source>
        <translation>索引失败。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n image(s)</source>
        <translation>
            <numerusform>%1：%n 张图像</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Dataset Folder</source>
        <translation>打开数据集文件夹</translation>
    </message>
    <message>
        <source>Open Dataset List</source>
        <translation>打开数据集列表</translation>
    </message>
    <message>
        <source>Lists and RecordIO (*.txt *.lst *.list *.csv *.rec *.idx);;All files (*)</source>
        <translation>列表与 RecordIO (*.txt *.lst *.list *.csv *.rec *.idx);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>fb::ui::EvaluationPanel</name>
    <message>
        <source>Run folder (runs/&lt;name&gt;-&lt;time&gt;)</source>
        <translation>运行文件夹 (runs/&lt;name&gt;-&lt;time&gt;)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Load results</source>
        <translation>加载结果</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Run the checked protocols on the run&apos;s checkpoint (eval job)</source>
        <translation>在该运行的检查点上执行所勾选的协议（评估任务）</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>Export table…</source>
        <translation>导出表格…</translation>
    </message>
    <message>
        <source>Export all figures</source>
        <translation>导出全部图表</translation>
    </message>
    <message>
        <source>Every chart of this run as PNG, PDF and SVG into RUN/figures</source>
        <translation>将此运行的所有图表以 PNG、PDF 和 SVG 格式导出到 RUN/figures</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>运行：</translation>
    </message>
    <message>
        <source>Protocols to run with Evaluate</source>
        <translation>点击“评估”时执行的协议</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>Genuine</source>
        <translation>同人对</translation>
    </message>
    <message>
        <source>Impostor</source>
        <translation>异人对</translation>
    </message>
    <message>
        <source>TAR@1% (%)</source>
        <translation>TAR@1% (%)</translation>
    </message>
    <message>
        <source>TAR@0.1% (%)</source>
        <translation>TAR@0.1% (%)</translation>
    </message>
    <message>
        <source>TAR@0.01% (%)</source>
        <translation>TAR@0.01% (%)</translation>
    </message>
    <message>
        <source>EER (%)</source>
        <translation>EER (%)</translation>
    </message>
    <message>
        <source>AUC</source>
        <translation>AUC</translation>
    </message>
    <message>
        <source>Not resolvable</source>
        <translation>分辨率不足</translation>
    </message>
    <message>
        <source>threshold at FAR %1</source>
        <translation>FAR %1 时的阈值</translation>
    </message>
    <message>
        <source>Set:</source>
        <translation>测试集：</translation>
    </message>
    <message>
        <source>ROC</source>
        <translation>ROC</translation>
    </message>
    <message>
        <source>Score histograms</source>
        <translation>分数直方图</translation>
    </message>
    <message>
        <source>LFW folds</source>
        <translation>LFW 各折</translation>
    </message>
    <message>
        <source>Pose similarity</source>
        <translation>姿态相似度</translation>
    </message>
    <message>
        <source>Age similarity</source>
        <translation>年龄相似度</translation>
    </message>
    <message>
        <source>Open a run folder with eval/ results, or evaluate one.</source>
        <translation>打开包含 eval/ 结果的运行文件夹，或对某个运行进行评估。</translation>
    </message>
    <message>
        <source>Run folder</source>
        <translation>运行文件夹</translation>
    </message>
    <message>
        <source>Loading %1 …</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>ROC: %1</source>
        <translation>ROC：%1</translation>
    </message>
    <message>
        <source>LFW 10-fold accuracy: %1</source>
        <translation>LFW 十折交叉验证准确率：%1</translation>
    </message>
    <message>
        <source>VGGFace2 pose templates (%1 subjects)</source>
        <translation>VGGFace2 姿态模板（%1 人）</translation>
    </message>
    <message>
        <source>VGGFace2 age templates (%1 subjects)</source>
        <translation>VGGFace2 年龄模板（%1 人）</translation>
    </message>
    <message>
        <source>%1 has no evaluation results yet: check the protocols and press Evaluate.</source>
        <translation>%1 尚无评估结果：请勾选协议并点击“评估”。</translation>
    </message>
    <message>
        <source>%1: %2 result files, %3 verification sets</source>
        <translation>%1：%2 个结果文件，%3 个人脸验证测试集</translation>
    </message>
    <message>
        <source>Not resolvable: %1 impostor pairs cannot measure this FAR (fewer than 1/FAR)</source>
        <translation>分辨率不足：%1 个异人对不足以测量该 FAR（少于 1/FAR）</translation>
    </message>
    <message>
        <source>threshold at FAR %1: %2</source>
        <translation>FAR %1 时的阈值：%2</translation>
    </message>
    <message>
        <source>Scores: %1</source>
        <translation>分数：%1</translation>
    </message>
    <message>
        <source>Choose a run folder first.</source>
        <translation>请先选择运行文件夹。</translation>
    </message>
    <message>
        <source>No job runner: evaluation needs the workbench window.</source>
        <translation>没有任务调度器：评估需要在工作台窗口中运行。</translation>
    </message>
    <message>
        <source>Check at least one protocol.</source>
        <translation>请至少勾选一个协议。</translation>
    </message>
    <message>
        <source>Evaluate %1</source>
        <translation>评估 %1</translation>
    </message>
    <message>
        <source>Evaluation queued: it runs when the CPU is free (progress on the Jobs page)…</source>
        <translation>评估已排队：CPU 空闲时开始运行（进度见“任务”页面）…</translation>
    </message>
    <message>
        <source>Evaluation %1: %2</source>
        <translation>评估 %1：%2</translation>
    </message>
    <message>
        <source>Wrote %1 files to %2</source>
        <translation>已将 %1 个文件写入 %2</translation>
    </message>
    <message>
        <source>CMC (1:N)</source>
        <translation>CMC（1:N）</translation>
    </message>
    <message>
        <source>TPIR at FPIR (1:N)</source>
        <translation>FPIR 下的 TPIR（1:N）</translation>
    </message>
    <message>
        <source>1:N table</source>
        <translation>1:N 表格</translation>
    </message>
    <message>
        <source>This tab is a table: use Export table…</source>
        <translation>此标签页是表格：请使用“导出表格…”</translation>
    </message>
    <message>
        <source>CMC (1:N closed set): %1</source>
        <translation>CMC（1:N 闭集）：%1</translation>
    </message>
    <message>
        <source>TPIR at FPIR (1:N open set): %1</source>
        <translation>FPIR 下的 TPIR（1:N 开集）：%1</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>图库</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>主体</translation>
    </message>
    <message>
        <source>Mated probes</source>
        <translation>匹配探针</translation>
    </message>
    <message>
        <source>Non-mated probes</source>
        <translation>非匹配探针</translation>
    </message>
    <message>
        <source>Rank-%1 (%)</source>
        <translation>排名 %1（%）</translation>
    </message>
    <message>
        <source>TPIR@FPIR %1 (%)</source>
        <translation>TPIR@FPIR %1（%）</translation>
    </message>
    <message>
        <source>Not resolvable: too few non-mated probes to measure this FPIR (fewer than 1/FPIR)</source>
        <translation>不可分辨：非匹配探针太少，无法测量此 FPIR（少于 1/FPIR）</translation>
    </message>
    <message>
        <source>No 1:N identification results: evaluate the run with the ijb protocol on IJB-B/C-style data.</source>
        <translation>没有 1:N 识别结果：请用 ijb 协议在 IJB-B/C 格式的数据上评估该运行。</translation>
    </message>
    <message>
        <source>Values in %, [low, high] their intervals; * not resolvable.</source>
        <translation>数值单位为 %，[下限, 上限] 为其区间；* 表示不可分辨。</translation>
    </message>
    <message>
        <source>The run&apos;s checkpoint</source>
        <translation>运行的检查点</translation>
    </message>
    <message>
        <source>Evaluate the run&apos;s best checkpoint, or an installed pretrained network with its authors&apos; pre-processing into the run folder above</source>
        <translation>评估运行的最佳检查点，或以作者的预处理评估已安装的预训练网络，结果写入上方的运行文件夹</translation>
    </message>
    <message>
        <source>The protocols&apos; data folder (lfw/pairs.txt and the others), as `data synth` writes it; a run brings its own (eval.data)</source>
        <translation>协议的数据文件夹（lfw/pairs.txt 及其他），格式同 `data synth` 的输出；运行自带其数据文件夹（eval.data）</translation>
    </message>
    <message>
        <source>Evaluate:</source>
        <translation>评估：</translation>
    </message>
    <message>
        <source>Protocol data:</source>
        <translation>协议数据：</translation>
    </message>
    <message>
        <source>%1 is no protocol data folder: name the folder that holds lfw/pairs.txt (`facebench-cli data synth` writes one)</source>
        <translation>%1 不是协议数据文件夹：请指定包含 lfw/pairs.txt 的文件夹（`facebench-cli data synth` 可生成）</translation>
    </message>
</context>
<context>
    <name>fb::ui::ExperimentPanel</name>
    <message>
        <source>The models and losses of the study, with its hyper-parameters (Table 2 of the paper)</source>
        <translation>研究中使用的模型与损失函数及其超参数（论文表 2）</translation>
    </message>
    <message>
        <source>(no preset)</source>
        <translation>（无预设）</translation>
    </message>
    <message>
        <source>Load YAML…</source>
        <translation>加载 YAML…</translation>
    </message>
    <message>
        <source>Save YAML…</source>
        <translation>保存 YAML…</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <source>Data and model</source>
        <translation>数据与模型</translation>
    </message>
    <message>
        <source>training folder or list file</source>
        <translation>训练文件夹或列表文件</translation>
    </message>
    <message>
        <source>Training set:</source>
        <translation>训练集：</translation>
    </message>
    <message>
        <source>ImageFolder (train/&lt;identity&gt;/*.jpg), LFW folder or list file</source>
        <translation>ImageFolder (train/&lt;identity&gt;/*.jpg)、LFW 文件夹或列表文件</translation>
    </message>
    <message>
        <source>Validation split:</source>
        <translation>验证集比例：</translation>
    </message>
    <message>
        <source>Fraction of each identity&apos;s images held out for validation</source>
        <translation>每个身份留出用于验证的图像比例</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>Input size (H × W):</source>
        <translation>输入尺寸（高 × 宽）：</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>批大小：</translation>
    </message>
    <message>
        <source>PyTorch</source>
        <translation>PyTorch</translation>
    </message>
    <message>
        <source>TensorFlow (NHWC, drops the last batch)</source>
        <translation>TensorFlow（NHWC，丢弃最后一个批次）</translation>
    </message>
    <message>
        <source>Caffe (wraps the last batch)</source>
        <translation>Caffe（最后一个批次循环补齐）</translation>
    </message>
    <message>
        <source>Style:</source>
        <translation>框架风格：</translation>
    </message>
    <message>
        <source>Pre-processing, weight initialisation, last batch and memory format follow this framework (Tables 11 and 12 of the paper)</source>
        <translation>预处理、权重初始化、最后一个批次的处理方式与内存格式均遵循该框架（论文表 11 和表 12）</translation>
    </message>
    <message>
        <source>Loss head and optimiser</source>
        <translation>损失头与优化器</translation>
    </message>
    <message>
        <source>Head:</source>
        <translation>损失头：</translation>
    </message>
    <message>
        <source>Softmax, center loss, A-Softmax (SphereFace), CosFace or ArcFace (eq. 1-5 of the paper), or a later margin head: the combined margin cos(m1 θ + m2) − m3, CurricularFace or AdaFace (their further keys come from the preset or YAML file)</source>
        <translation>Softmax、中心损失、A-Softmax (SphereFace)、CosFace 或 ArcFace（论文式 1–5），或后来的间隔损失头：组合间隔 cos(m1 θ + m2) − m3、CurricularFace 或 AdaFace（其余参数取自预设或 YAML 文件）</translation>
    </message>
    <message>
        <source>Scale s:</source>
        <translation>尺度 s：</translation>
    </message>
    <message>
        <source>Margin m:</source>
        <translation>间隔 m：</translation>
    </message>
    <message>
        <source>Center λ:</source>
        <translation>中心损失 λ：</translation>
    </message>
    <message>
        <source>Weight of the center loss (eq. 2 of the paper)</source>
        <translation>中心损失的权重（论文式 2）</translation>
    </message>
    <message>
        <source>SGD with momentum</source>
        <translation>带动量的 SGD</translation>
    </message>
    <message>
        <source>Optimiser:</source>
        <translation>优化器：</translation>
    </message>
    <message>
        <source>Momentum:</source>
        <translation>动量：</translation>
    </message>
    <message>
        <source>Weight decay:</source>
        <translation>权重衰减：</translation>
    </message>
    <message>
        <source>Learning-rate schedule and length</source>
        <translation>学习率调度与训练时长</translation>
    </message>
    <message>
        <source>step</source>
        <translation>阶梯</translation>
    </message>
    <message>
        <source>multistep</source>
        <translation>多阶梯</translation>
    </message>
    <message>
        <source>poly</source>
        <translation>多项式</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>常数</translation>
    </message>
    <message>
        <source>Form:</source>
        <translation>调度方式：</translation>
    </message>
    <message>
        <source>Base lr:</source>
        <translation>基础学习率：</translation>
    </message>
    <message>
        <source>Gamma:</source>
        <translation>Gamma：</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> 轮</translation>
    </message>
    <message>
        <source>Step every:</source>
        <translation>衰减间隔：</translation>
    </message>
    <message>
        <source>iterations, e.g. 16000, 24000, 28000</source>
        <translation>迭代次数，例如 16000, 24000, 28000</translation>
    </message>
    <message>
        <source>Milestones:</source>
        <translation>里程碑：</translation>
    </message>
    <message>
        <source>Power:</source>
        <translation>幂次：</translation>
    </message>
    <message>
        <source> iterations</source>
        <translation> 次迭代</translation>
    </message>
    <message>
        <source>Warm-up:</source>
        <translation>预热：</translation>
    </message>
    <message>
        <source>iterations</source>
        <translation>次迭代</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>训练时长：</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> 步</translation>
    </message>
    <message>
        <source>Log every:</source>
        <translation>日志间隔：</translation>
    </message>
    <message>
        <source>Steps between two points of the training charts (and rows of metrics.jsonl); a short run wants a small interval, 1 logs every step</source>
        <translation>训练曲线上相邻两点（以及 metrics.jsonl 中相邻两行）之间的步数；较短的运行宜用较小的间隔，设为 1 则每步都记录</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Validate every:</source>
        <translation>验证间隔：</translation>
    </message>
    <message>
        <source>Steps between two measurements of held-out accuracy (needs a validation split)</source>
        <translation>两次测量留出集准确率之间的步数（需要设置验证集比例）</translation>
    </message>
    <message>
        <source>Device and output</source>
        <translation>设备与输出</translation>
    </message>
    <message>
        <source>CPU (LibTorch threads: %1)</source>
        <translation>CPU（LibTorch 线程数：%1）</translation>
    </message>
    <message>
        <source>cuda:%1 — %2, %3 GiB</source>
        <translation>cuda:%1 — %2，%3 GiB</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>Experiments on the same device wait their turn in the job list</source>
        <translation>同一设备上的实验在任务列表中依次排队等待</translation>
    </message>
    <message>
        <source>Processes:</source>
        <translation>进程数：</translation>
    </message>
    <message>
        <source>Data-parallel worker processes (one per GPU on CUDA); 1 trains in this process</source>
        <translation>数据并行工作进程数（CUDA 上每个 GPU 一个）；设为 1 时在本进程中训练</translation>
    </message>
    <message>
        <source>Runs folder:</source>
        <translation>运行记录文件夹：</translation>
    </message>
    <message>
        <source>Run name:</source>
        <translation>运行名称：</translation>
    </message>
    <message>
        <source>choose the training set: a folder with one subfolder of images per identity, or a list file</source>
        <translation>请选择训练集：每个身份对应一个图像子文件夹的文件夹，或一个列表文件</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
    <message>
        <source>%1 — native input %2×%3, %4-d embedding, %5 M parameters without classifier</source>
        <translation>%1 — 原生输入 %2×%3，%4 维特征嵌入，参数量 %5 M（不含分类器）</translation>
    </message>
    <message>
        <source>the file is empty: it holds no experiment settings. Choose another file or fill in the form and save it</source>
        <translation>文件为空：不包含任何实验设置。请选择其他文件，或填写表单后保存</translation>
    </message>
    <message>
        <source>Could not load %1:
%2</source>
        <translation>无法加载 %1：
%2</translation>
    </message>
    <message>
        <source>Could not load %1: %2</source>
        <translation>无法加载 %1：%2</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>Load Experiment</source>
        <translation>加载实验</translation>
    </message>
    <message>
        <source>Experiment YAML (*.yaml *.yml)</source>
        <translation>实验 YAML (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Save Experiment</source>
        <translation>保存实验</translation>
    </message>
    <message>
        <source>Random initialisation</source>
        <translation>随机初始化</translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation>起始权重：</translation>
    </message>
    <message>
        <source>Fine-tune an installed pretrained network: its model, input size and pre-processing, its weights as the backbone&apos;s start</source>
        <translation>微调已安装的预训练网络：采用其模型、输入尺寸和预处理，以其权重作为主干网络的起点</translation>
    </message>
    <message>
        <source>Weights file %1</source>
        <translation>权重文件 %1</translation>
    </message>
</context>
<context>
    <name>fb::ui::FaceCropPreview</name>
    <message>
        <source>MTCNN (the study&apos;s)</source>
        <translation>MTCNN（研究所用）</translation>
    </message>
    <message>
        <source>Haar cascade</source>
        <translation>Haar 级联</translation>
    </message>
    <message>
        <source>None (already cropped)</source>
        <translation>无（已裁剪）</translation>
    </message>
    <message>
        <source>, …</source>
        <translation>, …</translation>
    </message>
    <message>
        <source>%1 × %2 px (%3)</source>
        <translation>%1 × %2 px（%3）</translation>
    </message>
    <message>
        <source>Open Image…</source>
        <translation>打开图像…</translation>
    </message>
    <message>
        <source>Preview the crop of any image file</source>
        <translation>预览任意图像文件的裁剪结果</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;■&lt;/span&gt; detected face &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;■&lt;/span&gt; crop box (+15% each side) &amp;nbsp; &lt;span style=&apos;color:%3&apos;&gt;●&lt;/span&gt; landmarks</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;■&lt;/span&gt; 检测到的人脸 &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;■&lt;/span&gt; 裁剪框（每边外扩 15%） &amp;nbsp; &lt;span style=&apos;color:%3&apos;&gt;●&lt;/span&gt; 关键点</translation>
    </message>
    <message>
        <source>Detector:</source>
        <translation>检测器：</translation>
    </message>
    <message>
        <source>Model input:</source>
        <translation>模型输入：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Crop&lt;/b&gt;</source>
        <translation>&lt;b&gt;裁剪结果&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Preview Image</source>
        <translation>预览图像</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.webp *.ppm *.pgm *.tif *.tiff);;All files (*)</source>
        <translation>图像 (*.jpg *.jpeg *.png *.bmp *.webp *.ppm *.pgm *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Face crop preview of %1</source>
        <translation>%1 的人脸裁剪预览</translation>
    </message>
    <message>
        <source>Detecting…</source>
        <translation>正在检测…</translation>
    </message>
    <message>
        <source>The preview was cancelled.</source>
        <translation>预览已取消。</translation>
    </message>
    <message>
        <source>%1 × %2 px, shown at %3×</source>
        <translation>%1 × %2 px，以 %3× 显示</translation>
    </message>
    <message>
        <source>Select an image in the grid, or open any image file.</source>
        <translation>在网格中选择一张图像，或打开任意图像文件。</translation>
    </message>
    <message>
        <source>No detection: the whole image resized to the model input.</source>
        <translation>不做检测：将整张图像缩放到模型输入尺寸。</translation>
    </message>
    <message>
        <source>No face found: a training image would be discarded; a test image is centre-cropped (shown) and flagged.</source>
        <translation>未找到人脸：训练图像会被丢弃；测试图像则做中心裁剪（如图所示）并加以标记。</translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) in %1 ms. Picked: box [%2, %3, %4, %5], score %6; crop box [%7, %8, %9, %10] (x2, y2 exclusive).</source>
        <translation>
            <numerusform>%1 ms 内检测到 %n 张人脸。选中：框 [%2, %3, %4, %5]，分数 %6；裁剪框 [%7, %8, %9, %10]（不含 x2、y2）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fb::ui::FailuresPanel</name>
    <message>
        <source>Run folder with eval/ results</source>
        <translation>包含 eval/ 结果的运行文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Protocol subset: LFW, a cross-quality study (Low2High, Middle2High), DFW, a UMDFaces track</source>
        <translation>协议子集：LFW、跨质量研究（Low2High、Middle2High）、DFW、UMDFaces 的一个子任务</translation>
    </message>
    <message>
        <source>FAR %1</source>
        <translation>FAR %1</translation>
    </message>
    <message>
        <source>show </source>
        <translation>显示 </translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>运行：</translation>
    </message>
    <message>
        <source>Subset:</source>
        <translation>子集：</translation>
    </message>
    <message>
        <source>Threshold at:</source>
        <translation>阈值对应：</translation>
    </message>
    <message>
        <source>Run folder</source>
        <translation>运行文件夹</translation>
    </message>
    <message>
        <source>No verification results in this run.</source>
        <translation>此运行中没有人脸验证结果。</translation>
    </message>
    <message>
        <source>the eval JSON (no scores file for FAR %1)</source>
        <translation>评估 JSON（无 FAR %1 的分数文件）</translation>
    </message>
    <message>
        <source>%1 at FAR %2: threshold %3 (accept iff score &gt; threshold), %4 false accepts and %5 false rejects in all; from %6. Click a pair to see both images full size.</source>
        <translation>%1 在 FAR %2 下：阈值 %3（当且仅当分数 &gt; 阈值时接受），共 %4 次误识、%5 次拒识；数据来源：%6。点击样本对可查看两张原尺寸图像。</translation>
    </message>
    <message>
        <source>False accepts (impostor pairs above the threshold, highest first)</source>
        <translation>误识（高于阈值的异人对，分数从高到低）</translation>
    </message>
    <message>
        <source>False accept</source>
        <translation>误识</translation>
    </message>
    <message>
        <source>False rejects (genuine pairs at or below the threshold, lowest first)</source>
        <translation>拒识（等于或低于阈值的同人对，分数从低到高）</translation>
    </message>
    <message>
        <source>False reject</source>
        <translation>拒识</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>fb::ui::FigureSizeDialog</name>
    <message>
        <source>Figure size</source>
        <translation>图表尺寸</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source> DPI</source>
        <translation> DPI</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>宽度：</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>高度：</translation>
    </message>
    <message>
        <source>Resolution (PNG):</source>
        <translation>分辨率（PNG）：</translation>
    </message>
    <message>
        <source>PNG scale factor:</source>
        <translation>PNG 缩放倍数：</translation>
    </message>
</context>
<context>
    <name>fb::ui::HomePage</name>
    <message>
        <source>Compute</source>
        <translation>计算设备</translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>LibTorch:</source>
        <translation>LibTorch：</translation>
    </message>
    <message>
        <source>Quick start</source>
        <translation>快速入门</translation>
    </message>
    <message>
        <source>Train a small network with a center loss on generated faces (made on first use): about 2 minutes on two CPU cores. The run then appears below; press Evaluate on its Evaluation page for LFW and TAR@FAR.</source>
        <translation>在生成的人脸图像（首次使用时生成）上用中心损失（center loss）训练一个小型网络：在两个 CPU 核心上约需 2 分钟。该运行随后会显示在下方；在其“评估”页面点击“评估”即可得到 LFW 与 TAR@FAR 结果。</translation>
    </message>
    <message>
        <source>Train the Quick Start</source>
        <translation>训练快速入门示例</translation>
    </message>
    <message>
        <source>Latest runs</source>
        <translation>最近的运行</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Model + loss</source>
        <translation>模型 + 损失</translation>
    </message>
    <message>
        <source>LFW (%)</source>
        <translation>LFW (%)</translation>
    </message>
    <message>
        <source>TAR@FAR 1% (%)</source>
        <translation>TAR@FAR 1% (%)</translation>
    </message>
    <message>
        <source>True accept rate at a false accept rate of 1%, on the run&apos;s first verification set after LFW (its name is in the tooltip)</source>
        <translation>误识率 (FAR) 为 1% 时的通过率 (TAR)，取自该运行中 LFW 之后的第一个人脸验证测试集（名称见工具提示）</translation>
    </message>
    <message>
        <source>Double-click a run to open it on the Runs and Evaluation pages.</source>
        <translation>双击某个运行，即可在“运行记录”和“评估”页面中打开它。</translation>
    </message>
    <message>
        <source>No runs yet: train the quick start, or open the folder you ran facebench-cli in.</source>
        <translation>尚无运行：请训练快速入门示例，或打开曾运行过 facebench-cli 的文件夹。</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Open Folder…</source>
        <translation>打开文件夹…</translation>
    </message>
    <message>
        <source>Open folder:</source>
        <translation>当前文件夹：</translation>
    </message>
    <message>
        <source>Runs:</source>
        <translation>运行：</translation>
    </message>
    <message>
        <source>Recent Folders</source>
        <translation>最近的文件夹</translation>
    </message>
    <message>
        <source>Double-click a folder to open it.</source>
        <translation>双击文件夹即可打开。</translation>
    </message>
    <message>
        <source>Folders you open appear here.</source>
        <translation>打开过的文件夹会显示在这里。</translation>
    </message>
    <message>
        <source>None. Open the folder that holds your datasets and runs.</source>
        <translation>无。请打开存放数据集和运行的文件夹。</translation>
    </message>
    <message>
        <source>%1; * not resolvable: fewer impostor pairs than 1/FAR</source>
        <translation>%1；* 分辨率不足：异人对少于 1/FAR</translation>
    </message>
    <message>
        <source>Each run is written to the runs folder inside the open folder.</source>
        <translation>每个运行都会写入所打开文件夹中的 runs 文件夹。</translation>
    </message>
    <message>
        <source>%1 (no runs yet)</source>
        <translation>%1（尚无运行）</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n run(s))</source>
        <translation>
            <numerusform>%1（%n 个运行）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fb::ui::IdentityModel</name>
    <message numerus="yes">
        <source>%1: %n image(s)</source>
        <translation>
            <numerusform>%1：%n 张图像</numerusform>
        </translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图像</translation>
    </message>
</context>
<context>
    <name>fb::ui::JobListModel</name>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>fb::ui::JobListView</name>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>清除已结束</translation>
    </message>
    <message>
        <source>&lt;b&gt;Jobs&lt;/b&gt; — experiments on one device run one after the other; other work runs beside them.</source>
        <translation>&lt;b&gt;任务&lt;/b&gt; — 同一设备上的实验依次运行；其他工作与之并行运行。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>fb::ui::JobRunner</name>
    <message numerus="yes">
        <source>Cancelled after %n s</source>
        <translation>
            <numerusform>运行 %n 秒后已取消</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished in %n s</source>
        <translation>
            <numerusform>用时 %n 秒完成</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>fb::ui::MainWindow</name>
    <message>
        <source>FaceBench</source>
        <translation>FaceBench</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>主页</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Folder…</source>
        <translation>打开文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>Recent &amp;Folders</source>
        <translation>最近的文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Start Training</source>
        <translation>开始训练(&amp;S)</translation>
    </message>
    <message>
        <source>Show &amp;Jobs</source>
        <translation>显示任务(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Cancel All Jobs</source>
        <translation>取消所有任务(&amp;C)</translation>
    </message>
    <message>
        <source>No jobs are running.</source>
        <translation>没有正在运行的任务。</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n job(s)</source>
        <translation>
            <numerusform>取消 %n 个任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) active</source>
        <translation>
            <numerusform>%n 个任务进行中</numerusform>
        </translation>
    </message>
    <message>
        <source>Jobs (%1)</source>
        <translation>任务（%1）</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>Show &amp;Status Bar</source>
        <translation>显示状态栏(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About FaceBench</source>
        <translation>关于 FaceBench(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>%1 — FaceBench</source>
        <translation>%1 — FaceBench</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Quick start</source>
        <translation>快速入门</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>The folder %1 no longer exists. It has been removed from the recent folders.</source>
        <translation>文件夹 %1 已不存在，已将其从最近的文件夹中移除。</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>清除菜单(&amp;C)</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>研究</translation>
    </message>
</context>
<context>
    <name>fb::ui::PairCard</name>
    <message>
        <source>missing
image</source>
        <translation>图像
缺失</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · score %2&lt;br&gt;%3 vs %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · 分数 %2&lt;br&gt;%3 vs %4</translation>
    </message>
</context>
<context>
    <name>fb::ui::RunsPanel</name>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>running or interrupted</source>
        <translation>运行中或已中断</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>No runs folder. Open a folder or choose its runs/.</source>
        <translation>没有运行记录文件夹。请打开一个文件夹或选择其中的 runs/。</translation>
    </message>
    <message>
        <source>Choose Runs Folder…</source>
        <translation>选择运行记录文件夹…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Tick runs in the list, then compare their curves, ROCs and results on the Comparison page</source>
        <translation>在列表中勾选运行，然后在“对比”页面比较它们的曲线、ROC 和结果</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Model + head</source>
        <translation>模型 + 损失头</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Last loss</source>
        <translation>最新损失</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Select a run to see its configuration and curves.</source>
        <translation>选择一个运行以查看其配置和曲线。</translation>
    </message>
    <message numerus="yes">
        <source>Compare %n Run(s)</source>
        <translation>
            <numerusform>对比 %n 个运行</numerusform>
        </translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Continue this run from its last checkpoint, as facebench-cli train --resume</source>
        <translation>从最近的检查点继续此运行，等同于 facebench-cli train --resume</translation>
    </message>
    <message>
        <source>A cancelled or interrupted run with a checkpoint can be continued</source>
        <translation>已取消或中断且有检查点的运行可以继续</translation>
    </message>
    <message>
        <source>Runs in %1</source>
        <translation>%1 中的运行</translation>
    </message>
    <message>
        <source>Choose Runs Folder</source>
        <translation>选择运行记录文件夹</translation>
    </message>
    <message>
        <source>config: %1</source>
        <translation>配置：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <source>Preset: %1</source>
        <translation>预设：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Model: %1 at %2×%3 px, head %4</source>
        <translation>模型：%1，输入 %2×%3 px，损失头 %4</translation>
    </message>
    <message>
        <source>Batch %1, style %2, device %3</source>
        <translation>批大小 %1，框架风格 %2，设备 %3</translation>
    </message>
    <message>
        <source>Training data: %1</source>
        <translation>训练数据：%1</translation>
    </message>
    <message>
        <source>Config: %1</source>
        <translation>配置：%1</translation>
    </message>
    <message>
        <source>Started %1%2</source>
        <translation>开始于 %1%2</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>, ended %1</source>
        <translation>，结束于 %1</translation>
    </message>
    <message>
        <source>Last log line: %1</source>
        <translation>最后一行日志：%1</translation>
    </message>
    <message>
        <source>Checkpoints: %1</source>
        <translation>检查点：%1</translation>
    </message>
    <message>
        <source>Evaluations: %1</source>
        <translation>评估：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n metrics row(s)</source>
        <translation>
            <numerusform>%n 行指标</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c0392b&apos;&gt;%1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c0392b&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>fb::ui::RuntimeText</name>
    <message numerus="yes">
        <source>CPU · %n thread(s)</source>
        <translation>
            <numerusform>CPU · %n 个线程</numerusform>
        </translation>
    </message>
    <message>
        <source>CUDA · %1</source>
        <translation>CUDA · %1</translation>
    </message>
    <message numerus="yes">
        <source>CPU: LibTorch uses %1 of %n hardware thread(s)</source>
        <translation>
            <numerusform>CPU：LibTorch 使用 %n 个硬件线程中的 %1 个</numerusform>
        </translation>
    </message>
    <message>
        <source>CUDA: not available</source>
        <translation>CUDA：不可用</translation>
    </message>
    <message>
        <source>cuda:%1: %2, %3</source>
        <translation>cuda:%1：%2，%3</translation>
    </message>
</context>
<context>
    <name>fb::ui::SchedulePreview</name>
    <message>
        <source>lr</source>
        <translation>lr</translation>
    </message>
    <message>
        <source>Learning rate over the run</source>
        <translation>整个运行中的学习率变化</translation>
    </message>
    <message>
        <source>Iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source> images</source>
        <translation> 张图像</translation>
    </message>
    <message>
        <source>Training images per epoch, for the plot only: epoch-based schedules step every (images / batch size) iterations.</source>
        <translation>每轮训练图像数，仅用于绘图：按轮次调度的学习率每隔（图像数 / 批大小）次迭代更新一次。</translation>
    </message>
    <message>
        <source>Training set size for the plot:</source>
        <translation>绘图用训练集大小：</translation>
    </message>
    <message>
        <source>%1 iterations, %2 per epoch; final lr %3.</source>
        <translation>共 %1 次迭代，每轮 %2 次；最终学习率 %3。</translation>
    </message>
</context>
<context>
    <name>fb::ui::StudyEditor</name>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Config file</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <source>config file, relative to the study file</source>
        <translation>配置文件，相对于研究文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Values (comma-separated)</source>
        <translation>值（以逗号分隔）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Base:</source>
        <translation>基础：</translation>
    </message>
    <message>
        <source>Set:</source>
        <translation>设置：</translation>
    </message>
    <message>
        <source>Add Setting</source>
        <translation>添加设置</translation>
    </message>
    <message>
        <source>Axes:</source>
        <translation>轴：</translation>
    </message>
    <message>
        <source>Add Axis</source>
        <translation>添加轴</translation>
    </message>
    <message>
        <source>Protocols:</source>
        <translation>协议：</translation>
    </message>
    <message>
        <source>Repeats:</source>
        <translation>重复次数：</translation>
    </message>
    <message>
        <source>Study file (preview):</source>
        <translation>研究文件（预览）：</translation>
    </message>
    <message>
        <source>Base Config</source>
        <translation>基础配置</translation>
    </message>
    <message>
        <source>Experiment configs (*.yaml *.yml)</source>
        <translation>实验配置 (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>%1:%2: not YAML: %3</source>
        <translation>%1:%2：不是 YAML：%3</translation>
    </message>
    <message>
        <source>%1: a study file is a YAML mapping (name, base, axes, ...)</source>
        <translation>%1：研究文件应为 YAML 映射（name、base、axes 等）</translation>
    </message>
</context>
<context>
    <name>fb::ui::StudyPanel</name>
    <message>
        <source>pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Open Study File…</source>
        <translation>打开研究文件…</translation>
    </message>
    <message>
        <source>Open Study Folder…</source>
        <translation>打开研究文件夹…</translation>
    </message>
    <message>
        <source>No study open.</source>
        <translation>未打开研究。</translation>
    </message>
    <message>
        <source>output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>输出：</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>The running cell saves a checkpoint; Run continues from it.</source>
        <translation>正在运行的单元会保存检查点；“运行”将从该处继续。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export Table…</source>
        <translation>导出表格…</translation>
    </message>
    <message>
        <source>Export Figure…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>行：</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>列：</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <source>Double-click a cell to open its run.</source>
        <translation>双击单元以打开其运行。</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>编辑器</translation>
    </message>
    <message>
        <source>Output Folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <source>%1: no such study file</source>
        <translation>%1：研究文件不存在</translation>
    </message>
    <message>
        <source>%1: not a study folder (it has no study.yaml)</source>
        <translation>%1：不是研究文件夹（其中没有 study.yaml）</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n cell(s))</source>
        <translation>
            <numerusform>%1（%n 个单元）</numerusform>
        </translation>
    </message>
    <message>
        <source>(base)</source>
        <translation>（基础）</translation>
    </message>
    <message>
        <source>step %1/%2</source>
        <translation>第 %1/%2 步</translation>
    </message>
    <message>
        <source>Study %1</source>
        <translation>研究 %1</translation>
    </message>
    <message>
        <source>%1 run, %2 already done, %3 failed%4</source>
        <translation>已运行 %1 个，%2 个此前已完成，%3 个失败%4</translation>
    </message>
    <message>
        <source>, stopped</source>
        <translation>，已停止</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Pausing: the running cell saves a checkpoint…</source>
        <translation>正在暂停：正在运行的单元正在保存检查点…</translation>
    </message>
    <message>
        <source>step %1/%2, ETA %3</source>
        <translation>第 %1/%2 步，预计剩余 %3</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>失败。</translation>
    </message>
    <message>
        <source>Paused: Run continues the study.</source>
        <translation>已暂停：“运行”将继续该研究。</translation>
    </message>
    <message>
        <source>Cancelled: Run continues the study.</source>
        <translation>已取消：“运行”将继续该研究。</translation>
    </message>
    <message>
        <source>This cell has not run yet.</source>
        <translation>此单元尚未运行。</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>Markdown (*.md);;CSV (*.csv)</source>
        <translation>Markdown (*.md);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>Open Study File</source>
        <translation>打开研究文件</translation>
    </message>
    <message>
        <source>Study files (*.yaml *.yml)</source>
        <translation>研究文件 (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Open Study Folder</source>
        <translation>打开研究文件夹</translation>
    </message>
    <message>
        <source>stopped, Run resumes</source>
        <translation>已停止，“运行”将继续</translation>
    </message>
    <message>
        <source>No study is open. A study trains one experiment along config keys (loss, model, batch size, ...) and compares the results in one table.

Open Study File… opens a study file to edit and run: examples/studies/ holds the paper&apos;s comparisons (losses.yaml takes minutes on a CPU). Open Study Folder… opens the results of a study run before, here or with facebench-cli study run.</source>
        <translation>尚未打开研究。研究沿配置键（损失、模型、批大小……）训练同一个实验，并在一张表中比较结果。

“打开研究文件…”打开一个研究文件以编辑和运行：examples/studies/ 收录了论文中的各项比较（losses.yaml 在 CPU 上只需几分钟）。“打开研究文件夹…”打开之前运行的研究结果，无论是在此处运行的还是用 facebench-cli study run 运行的。</translation>
    </message>
</context>
<context>
    <name>fb::ui::ThumbnailModel</name>
    <message>
        <source>%1
%2 KiB</source>
        <translation>%1
%2 KiB</translation>
    </message>
</context>
<context>
    <name>fb::ui::TrainingCurves</name>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Loss (nats)</source>
        <translation>损失 (nats)</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Accuracy (fraction)</source>
        <translation>准确率（比例）</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>lr</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <source>Throughput (images/s)</source>
        <translation>吞吐量（图像/秒）</translation>
    </message>
    <message>
        <source>images/s</source>
        <translation>图像/秒</translation>
    </message>
    <message>
        <source>Time per step</source>
        <translation>每步耗时</translation>
    </message>
    <message>
        <source>Time per step (s)</source>
        <translation>每步耗时 (s)</translation>
    </message>
    <message>
        <source>t_data (loading)</source>
        <translation>t_data（加载）</translation>
    </message>
    <message>
        <source>t_compute</source>
        <translation>t_compute</translation>
    </message>
    <message>
        <source>Exponential moving average with the start-up bias removed, as TensorBoard. The raw series is drawn faintly. On a chart: hover to read values, drag and wheel to pan and zoom, double-click to show all.</source>
        <translation>指数移动平均，并像 TensorBoard 一样去除了起始偏差。原始序列以淡色绘制。在图表上：悬停可读取数值，拖动和滚轮可平移与缩放，双击可显示全部。</translation>
    </message>
    <message>
        <source>Log y</source>
        <translation>对数 y 轴</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>墙钟时间</translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation>平滑：</translation>
    </message>
    <message>
        <source>X axis:</source>
        <translation>X 轴：</translation>
    </message>
    <message>
        <source>Only for training watched live: a run read back from its folder has no clock time for each step.</source>
        <translation>仅适用于实时监视的训练：从文件夹读回的运行没有每一步的时钟时间。</translation>
    </message>
    <message>
        <source>t_agg (all-reduce)</source>
        <translation>t_agg（all-reduce）</translation>
    </message>
</context>
<context>
    <name>fb::ui::TrainingPanel</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Train the experiment of the Experiment page</source>
        <translation>训练“实验”页面中的实验</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop after the current step; a checkpoint is written</source>
        <translation>在当前步完成后停止；会写入一个检查点</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>No training yet.</source>
        <translation>尚未开始训练。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Checkpoints&lt;/b&gt;</source>
        <translation>&lt;b&gt;检查点&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Log&lt;/b&gt;</source>
        <translation>&lt;b&gt;日志&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No experiment to train: set one up on the Experiment page.</source>
        <translation>没有可训练的实验：请在“实验”页面中进行设置。</translation>
    </message>
    <message>
        <source>Data-parallel training with %1 processes runs from the command line: save the experiment as YAML and run  facebench-cli train FILE.yaml --nproc %1  (the run then appears on the Runs page, followed live). Set Processes to 1 to train here.</source>
        <translation>使用 %1 个进程的数据并行训练需在命令行中运行：将实验保存为 YAML 并运行  facebench-cli train FILE.yaml --nproc %1  （该运行随后会出现在“运行记录”页面并实时跟踪）。将“进程数”设为 1 即可在此处训练。</translation>
    </message>
    <message>
        <source>Cannot start: %1 (see the Experiment page)</source>
        <translation>无法开始：%1（见“实验”页面）</translation>
    </message>
    <message>
        <source>Cannot resume %1: %2</source>
        <translation>无法继续 %1：%2</translation>
    </message>
    <message>
        <source>Train %1 (%2 + %3)</source>
        <translation>训练 %1（%2 + %3）</translation>
    </message>
    <message>
        <source>Resume %1</source>
        <translation>继续 %1</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Queued: %1 on %2.</source>
        <translation>已排队：%1，设备 %2。</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Starting %1…</source>
        <translation>正在启动：%1…</translation>
    </message>
    <message>
        <source>Run: %1</source>
        <translation>运行：%1</translation>
    </message>
    <message>
        <source>Train %1</source>
        <translation>训练 %1</translation>
    </message>
    <message>
        <source>step %v of %m</source>
        <translation>第 %v 步，共 %m 步</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>已开始：%1</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>预计剩余 %1</translation>
    </message>
    <message>
        <source>Epoch %1, step %2 of %3: loss %4, accuracy %5, %6 images/s</source>
        <translation>第 %1 轮，第 %2 步（共 %3 步）：损失 %4，准确率 %5，%6 图像/秒</translation>
    </message>
    <message>
        <source>Validation at step %1: %2</source>
        <translation>第 %1 步验证：%2</translation>
    </message>
    <message>
        <source>Checkpoint at step %1: %2</source>
        <translation>第 %1 步检查点：%2</translation>
    </message>
    <message>
        <source>Bad image: %1</source>
        <translation>损坏的图像：%1</translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation>已完成：%1</translation>
    </message>
    <message>
        <source>Cancelled at step %1; a checkpoint was written.</source>
        <translation>已在第 %1 步取消；已写入检查点。</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Started: %1.</source>
        <translation>已开始：%1。</translation>
    </message>
    <message>
        <source>Queued: waiting for %1.</source>
        <translation>已排队：等待 %1。</translation>
    </message>
    <message>
        <source>Paused at step %1.</source>
        <translation>已在第 %1 步暂停。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>%1  (%2 MB, %3)</source>
        <translation>%1  (%2 MB, %3)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Train, evaluate and benchmark deep face-recognition models.</source>
        <translation>训练、评估深度人脸识别模型并进行基准测试。</translation>
    </message>
    <message>
        <source>Open &lt;dir&gt; as the current folder.</source>
        <translation>将 &lt;dir&gt; 作为当前文件夹打开。</translation>
    </message>
    <message>
        <source>Show the page &lt;name&gt; (experiment, training, runs, jobs, ...).</source>
        <translation>显示页面 &lt;name&gt;（experiment、training、runs、jobs 等）。</translation>
    </message>
    <message>
        <source>Open the run directory &lt;dir&gt; on the Runs page.</source>
        <translation>在“运行记录”页面打开运行目录 &lt;dir&gt;。</translation>
    </message>
    <message>
        <source>Load the experiment YAML &lt;file&gt;.</source>
        <translation>加载实验 YAML 文件 &lt;file&gt;。</translation>
    </message>
    <message>
        <source>Start &lt;n&gt; training jobs of the experiment at once (they queue on its device).</source>
        <translation>同时启动该实验的 &lt;n&gt; 个训练任务（它们在其设备上排队）。</translation>
    </message>
    <message>
        <source>Open the benchmark result &lt;file&gt; (bench.json) on the Benchmark page.</source>
        <translation>在“基准测试”页面打开基准测试结果 &lt;file&gt; (bench.json)。</translation>
    </message>
    <message>
        <source>Show the Evaluation tab &lt;name&gt; (roc, scores, lfw, pose, age, cmc, tpir, identification).</source>
        <translation>显示“评估”页面的 &lt;name&gt; 标签页（roc、scores、lfw、pose、age、cmc、tpir、identification）。</translation>
    </message>
    <message>
        <source>Add the run directory &lt;dir&gt; to the Comparison page (repeatable).</source>
        <translation>将运行目录 &lt;dir&gt; 添加到“对比”页面（可重复指定）。</translation>
    </message>
    <message>
        <source>Show the Benchmark tab &lt;name&gt; (throughput, scaling, time, rows).</source>
        <translation>显示“基准测试”页面的 &lt;name&gt; 标签页（throughput、scaling、time、rows）。</translation>
    </message>
    <message>
        <source>Index the dataset &lt;path&gt; on the Datasets page.</source>
        <translation>在“数据集”页面索引数据集 &lt;path&gt;。</translation>
    </message>
    <message>
        <source>Preview the face crop of &lt;file&gt; on the Datasets page.</source>
        <translation>在“数据集”页面预览 &lt;file&gt; 的人脸裁剪结果。</translation>
    </message>
    <message>
        <source>Detector of the crop preview: mtcnn, haar or none.</source>
        <translation>裁剪预览所用的检测器：mtcnn、haar 或 none。</translation>
    </message>
    <message>
        <source>The folder to open: the one you ran facebench-cli in, its runs folder, or one run. Default: the working folder when it holds runs.</source>
        <translation>要打开的文件夹：运行 facebench-cli 时所在的文件夹、其中的 runs 文件夹或单个运行。默认：当前工作文件夹（如果其中包含运行）。</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 不是文件夹</translation>
    </message>
    <message>
        <source>Unknown page &apos;%1&apos;; pages: %2</source>
        <translation>未知页面“%1”；可用页面：%2</translation>
    </message>
    <message>
        <source>Open the study file or study output folder &lt;path&gt; on the Study page.</source>
        <translation>在“研究”页面打开研究文件或研究输出文件夹 &lt;path&gt;。</translation>
    </message>
</context>
</TS>
