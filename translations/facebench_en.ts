<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>DatasetsPanel</name>
    <message>
        <source>Reading the cached index…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 identities, %2 images</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvaluationPanel</name>
    <message>
        <source>%1 is not a run folder. Choose a folder inside runs/ (named &lt;name&gt;-&lt;date&gt;-&lt;time&gt;, holding config.yaml and metrics.jsonl).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FaceCropTask</name>
    <message>
        <source>%1 (record at %2): cannot decode the image (%3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PretrainedChoices</name>
    <message>
        <source>No pretrained network is installed: run `%1` to fetch them into %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pretrained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (pretrained, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none installed: run %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Export figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv);;Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export figure (PNG, PDF, SVG)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2 x %3 px, face box %4,%5 %6 x %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2 x %3 px, a face crop (no boxes.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: PNG encoding failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot start the PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot start the SVG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no chart to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: figure size %2 x %3 mm is outside 1..2000 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 DPI is outside 10..2400</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: PNG scale %2 is outside (0, 8]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the PNG would exceed 400 megapixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the file name must end in .png, .pdf or .svg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the table file must end in .csv or .md</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False accept rate (FAR, log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True accept rate (TAR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cosine similarity score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fraction of pairs per bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impostor pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genuine pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held-out fold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fold accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean %1% ± %2 (s.e.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of template B (level)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of template A (level)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean cosine similarity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size (images, log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput (images/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No benchmark rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (no batch ran)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of memory / failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices or processes (n)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scaling rows: benchmark on two or more devices
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eq. 6: %1%2%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration (model, batch size)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time per iteration (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t_data: waiting for the loader (eq. 7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t_compute: training step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t_agg: gradient all-reduce (eq. 7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No successful benchmark rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training step (iterations)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training accuracy (fraction of batch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training loss (nats)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threshold at FAR %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROC: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LFW 10-fold accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VGGFace2 pose templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VGGFace2 age templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput against batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data loading against compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scaling (eq. 6 speedup)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: nothing to draw: no eval/*.json, metrics.jsonl or bench/*.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identification rate (closed set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gallery %1 (%2 subjects, %3 mated probes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False positive identification rate (FPIR, log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True positive identification rate (TPIR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gallery %1 (%2 non-mated probes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not resolvable (fewer than 1/FPIR non-mated probes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95% interval [%1, %2] (Student t over the folds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(base)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CMC (1:N closed set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TPIR at FPIR (1:N open set)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThumbnailModel</name>
    <message>
        <source>%1: cannot decode the image (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>step %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserMessage</name>
    <message>
        <source>the file is not valid JSON (line %1, column %2): it may be empty, cut short or not the file meant; write it again with FaceBench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a PyTorch checkpoint FaceBench can read: the file is empty, cut short or saved by an old PyTorch. Train the run again, or save the weights again with a current PyTorch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fb::ui::AboutDialog</name>
    <message>
        <source>About FaceBench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A workbench for training, evaluating and benchmarking deep face-recognition models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FaceBench:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LibTorch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GNU General Public License, version 3 or later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fb::ui::BenchPanel</name>
    <message>
        <source>cpu, cuda or cuda:N; comma-separated for several (Fig. 3 scaling)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run benchmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open bench.json…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch sizes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed iterations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warm-up iterations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU memory cap:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput (Fig. 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scaling (Fig. 3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data vs compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configure a sweep and run it, or open a stored bench.json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open benchmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark (bench.json *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 rows, started %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput against batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scaling with eq. 6 speedup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data loading against compute per iteration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms p90</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak mem (MiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t_data (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t_compute (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No job runner: benchmarks need the workbench window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark %1 models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 configurations; written to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runs/ in the working folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each benchmark is saved in a bench-&lt;date&gt;-&lt;time&gt; folder here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save benchmarks in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data loading, compute and all-reduce per iteration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark queued: it runs when its device is free (progress on the Jobs page)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the pretrained networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pretrained, installed: %1
%2
Throughput does not depend on the weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pretrained, not installed: run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fb::ui::ComparisonPanel</name>
    <message>
        <source>Add run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The verification set whose ROCs are overlaid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy table (Markdown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export table…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Curve:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROC of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table 3 layout: LFW accuracy, VGGFace2 pose and age similarity, IJB-A cross-quality TAR (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table 15 layout: DFW and UMDFaces tracks, TAR (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add two or more runs to compare them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the table as Markdown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 runs, %2 with evaluation results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% interval (%2): %3 to %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv);;Markdown (*.md);;JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROC: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not resolvable: the set has fewer impostor pairs than 1/FAR, so this TAR is not measured at that FAR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b03000&apos;&gt;*&lt;/span&gt; not resolvable: the set has fewer impostor pairs than 1/FAR, so that TAR is not measured.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fb::ui::CropCanvas</name>
    <message>
        <source>Select an image to preview its face crop.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fb::ui::CurvePlot</name>
    <message>
        <source>Step (iterations)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall time (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (smoothed %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fb::ui::DatasetStatsView</name>
    <message>
        <source>Depth: images per identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images per identity (count)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identities (count)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dataset indexed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;table cellspacing=&apos;2&apos;&gt;&lt;tr&gt;&lt;td&gt;Format:&lt;/td&gt;&lt;td&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Breadth (identities):&lt;/td&gt;&lt;td&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Images:&lt;/td&gt;&lt;td&gt;&lt;b&gt;%3&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Depth (images per identity), mean:&lt;/td&gt;&lt;td&gt;&lt;b&gt;%4&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Depth, median:&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Depth, min – max:&lt;/td&gt;&lt;td&gt;%6 – %7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Problems:&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identities</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fb::ui::DatasetsPanel</name>
    <message>
        <source>Dataset folder, list file or .rec file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ImageFolder (identity/image)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LFW (Name/Name_0001.jpg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List file (path label)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RecordIO (train.rec)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open List File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a dataset to browse its identities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search identities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face crop preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 thumbnails loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a dataset folder or list file to index.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): %3 identities, %4 images</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>; %n problem(s), e.g. %1: %2</source>
        <translation>
            <numerusform>; %n problem, e.g. %1: %2</numerusform>
            <numerusform>; %n problems, e.g. %1: %2</numerusform>
        </translation>
    </message>
    <message>
        <source> (from the cached index)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n image(s)</source>
        <translation>
            <numerusform>%1: %n image</numerusform>
            <numerusform>%1: %n images</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Dataset Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Dataset List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists and RecordIO (*.txt *.lst *.list *.csv *.rec *.idx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder holds a dataset&apos;s parts: the training part is indexed first; pick another to browse it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fb::ui::EvaluationPanel</name>
    <message>
        <source>Run folder (runs/&lt;name&gt;-&lt;time&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the checked protocols on the run&apos;s checkpoint (eval job)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export table…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export all figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every chart of this run as PNG, PDF and SVG into RUN/figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocols to run with Evaluate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genuine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impostor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TAR@1% (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TAR@0.1% (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TAR@0.01% (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EER (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not resolvable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threshold at FAR %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score histograms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LFW folds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pose similarity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age similarity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a run folder with eval/ results, or evaluate one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROC: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LFW 10-fold accuracy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VGGFace2 pose templates (%1 subjects)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VGGFace2 age templates (%1 subjects)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 result files, %3 verification sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not resolvable: %1 impostor pairs cannot measure this FAR (fewer than 1/FAR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threshold at FAR %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a run folder first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No job runner: evaluation needs the workbench window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check at least one protocol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 files to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no evaluation results yet: check the protocols and press Evaluate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation queued: it runs when the CPU is free (progress on the Jobs page)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CMC (1:N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TPIR at FPIR (1:N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1:N table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This tab is a table: use Export table…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CMC (1:N closed set): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TPIR at FPIR (1:N open set): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mated probes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-mated probes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank-%1 (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TPIR@FPIR %1 (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not resolvable: too few non-mated probes to measure this FPIR (fewer than 1/FPIR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No 1:N identification results: evaluate the run with the ijb protocol on IJB-B/C-style data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values in %, [low, high] their intervals; * not resolvable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run&apos;s checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate the run&apos;s best checkpoint, or an installed pretrained network with its authors&apos; pre-processing into the run folder above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The protocols&apos; data folder (lfw/pairs.txt and the others), as `data synth` writes it; a run brings its own (eval.data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol data:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no protocol data folder: name the folder that holds lfw/pairs.txt (`facebench-cli data synth` writes one)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fb::ui::ExperimentPanel</name>
    <message>
        <source>(no preset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load YAML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save YAML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data and model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training folder or list file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training set:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ImageFolder (train/&lt;identity&gt;/*.jpg), LFW folder or list file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation split:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fraction of each identity&apos;s images held out for validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input size (H × W):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PyTorch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TensorFlow (NHWC, drops the last batch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caffe (wraps the last batch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Style:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss head and optimiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale s:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Margin m:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Center λ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SGD with momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimiser:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decay:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning-rate schedule and length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multistep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>poly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base lr:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gamma:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iterations, e.g. 16000, 24000, 28000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milestones:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> iterations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warm-up:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iterations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device and output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU (LibTorch threads: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cuda:%1 — %2, %3 GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiments on the same device wait their turn in the job list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data-parallel worker processes (one per GPU on CUDA); 1 trains in this process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — native input %2×%3, %4-d embedding, %5 M parameters without classifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load Experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiment YAML (*.yaml *.yml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The models and losses of the study, with its hyper-parameters (Table 2 of the paper)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-processing, weight initialisation, last batch and memory format follow this framework (Tables 11 and 12 of the paper)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Softmax, center loss, A-Softmax (SphereFace), CosFace or ArcFace (eq. 1-5 of the paper), or a later margin head: the combined margin cos(m1 θ + m2) − m3, CurricularFace or AdaFace (their further keys come from the preset or YAML file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of the center loss (eq. 2 of the paper)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps between two points of the training charts (and rows of metrics.jsonl); a short run wants a small interval, 1 logs every step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps between two measurements of held-out accuracy (needs a validation split)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose the training set: a folder with one subfolder of images per identity, or a list file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty: it holds no experiment settings. Choose another file or fill in the form and save it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random initialisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine-tune an installed pretrained network: its model, input size and pre-processing, its weights as the backbone&apos;s start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights file %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fb::ui::FaceCropPreview</name>
    <message>
        <source>MTCNN (the study&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Haar cascade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (already cropped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2 px (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview the crop of any image file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;■&lt;/span&gt; detected face &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;■&lt;/span&gt; crop box (+15% each side) &amp;nbsp; &lt;span style=&apos;color:%3&apos;&gt;●&lt;/span&gt; landmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detector:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model input:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Crop&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.webp *.ppm *.pgm *.tif *.tiff);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face crop preview of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2 px, shown at %3×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an image in the grid, or open any image file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No detection: the whole image resized to the model input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No face found: a training image would be discarded; a test image is centre-cropped (shown) and flagged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) in %1 ms. Picked: box [%2, %3, %4, %5], score %6; crop box [%7, %8, %9, %10] (x2, y2 exclusive).</source>
        <translation>
            <numerusform>%n face in %1 ms. Picked: box [%2, %3, %4, %5], score %6; crop box [%7, %8, %9, %10] (x2, y2 exclusive).</numerusform>
            <numerusform>%n faces in %1 ms. Picked: box [%2, %3, %4, %5], score %6; crop box [%7, %8, %9, %10] (x2, y2 exclusive).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fb::ui::FailuresPanel</name>
    <message>
        <source>Run folder with eval/ results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol subset: LFW, a cross-quality study (Low2High, Middle2High), DFW, a UMDFaces track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAR %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No verification results in this run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the eval JSON (no scores file for FAR %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False accepts (impostor pairs above the threshold, highest first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False rejects (genuine pairs at or below the threshold, lowest first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at FAR %2: threshold %3 (accept iff score &gt; threshold), %4 false accepts and %5 false rejects in all; from %6. Click a pair to see both images full size.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fb::ui::FigureSizeDialog</name>
    <message>
        <source>Figure size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> DPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Height:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution (PNG):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG scale factor:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fb::ui::HomePage</name>
    <message numerus="yes">
        <source>%1 (%n run(s))</source>
        <translation>
            <numerusform>%1 (%n run)</numerusform>
            <numerusform>%1 (%n runs)</numerusform>
        </translation>
    </message>
    <message>
        <source>Compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LibTorch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent Folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a folder to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders you open appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None. Open the folder that holds your datasets and runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each run is written to the runs folder inside the open folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (no runs yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train a small network with a center loss on generated faces (made on first use): about 2 minutes on two CPU cores. The run then appears below; press Evaluate on its Evaluation page for LFW and TAR@FAR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the Quick Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model + loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LFW (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TAR@FAR 1% (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True accept rate at a false accept rate of 1%, on the run&apos;s first verification set after LFW (its name is in the tooltip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a run to open it on the Runs and Evaluation pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs yet: train the quick start, or open the folder you ran facebench-cli in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; * not resolvable: fewer impostor pairs than 1/FAR</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fb::ui::IdentityModel</name>
    <message numerus="yes">
        <source>%1: %n image(s)</source>
        <translation>
            <numerusform>%1: %n image</numerusform>
            <numerusform>%1: %n images</numerusform>
        </translation>
    </message>
    <message>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fb::ui::JobListModel</name>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fb::ui::JobListView</name>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Jobs&lt;/b&gt; — experiments on one device run one after the other; other work runs beside them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fb::ui::JobRunner</name>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %n s</source>
        <translation>
            <numerusform>Cancelled after %n s</numerusform>
            <numerusform>Cancelled after %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished in %n s</source>
        <translation>
            <numerusform>Finished in %n s</numerusform>
            <numerusform>Finished in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fb::ui::MainWindow</name>
    <message>
        <source>FaceBench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent &amp;Folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel All Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No jobs are running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Status Bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About FaceBench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — FaceBench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 no longer exists. It has been removed from the recent folders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n job(s)</source>
        <translation>
            <numerusform>Cancel %n job</numerusform>
            <numerusform>Cancel %n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) active</source>
        <translation>
            <numerusform>%n job active</numerusform>
            <numerusform>%n jobs active</numerusform>
        </translation>
    </message>
    <message>
        <source>Jobs (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fb::ui::PairCard</name>
    <message>
        <source>missing
image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · score %2&lt;br&gt;%3 vs %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fb::ui::RunsPanel</name>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running or interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs folder. Open a folder or choose its runs/.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Runs Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model + head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a run to see its configuration and curves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Runs Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>config: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model: %1 at %2×%3 px, head %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch %1, style %2, device %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training data: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Config: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, ended %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last log line: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoints: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluations: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n metrics row(s)</source>
        <translation>
            <numerusform>%n metrics row</numerusform>
            <numerusform>%n metrics rows</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c0392b&apos;&gt;%1&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick runs in the list, then compare their curves, ROCs and results on the Comparison page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Compare %n Run(s)</source>
        <translation>
            <numerusform>Compare %n Run</numerusform>
            <numerusform>Compare %n Runs</numerusform>
        </translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue this run from its last checkpoint, as facebench-cli train --resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cancelled or interrupted run with a checkpoint can be continued</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fb::ui::RuntimeText</name>
    <message numerus="yes">
        <source>CPU · %n thread(s)</source>
        <translation>
            <numerusform>CPU · %n thread</numerusform>
            <numerusform>CPU · %n threads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CPU: LibTorch uses %1 of %n hardware thread(s)</source>
        <translation>
            <numerusform>CPU: LibTorch uses %1 of %n hardware thread</numerusform>
            <numerusform>CPU: LibTorch uses %1 of %n hardware threads</numerusform>
        </translation>
    </message>
    <message>
        <source>CUDA · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA: not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cuda:%1: %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fb::ui::SchedulePreview</name>
    <message>
        <source>lr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate over the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Iteration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training images per epoch, for the plot only: epoch-based schedules step every (images / batch size) iterations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training set size for the plot:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 iterations, %2 per epoch; final lr %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fb::ui::StudyEditor</name>
    <message>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Config file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>config file, relative to the study file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values (comma-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Axes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocols:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study file (preview):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base Config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiment configs (*.yaml *.yml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2: not YAML: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a study file is a YAML mapping (name, base, axes, ...)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fb::ui::StudyPanel</name>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Study File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Study Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No study open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The running cell saves a checkpoint; Run continues from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Table…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Figure…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a cell to open its run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no such study file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not a study folder (it has no study.yaml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n cell(s))</source>
        <translation>
            <numerusform>%1 (%n cell)</numerusform>
            <numerusform>%1 (%n cells)</numerusform>
        </translation>
    </message>
    <message>
        <source>(base)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 run, %2 already done, %3 failed%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pausing: the running cell saves a checkpoint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1/%2, ETA %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: Run continues the study.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: Run continues the study.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cell has not run yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (*.md);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Study File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study files (*.yaml *.yml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Study Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped, Run resumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No study is open. A study trains one experiment along config keys (loss, model, batch size, ...) and compares the results in one table.

Open Study File… opens a study file to edit and run: examples/studies/ holds the paper&apos;s comparisons (losses.yaml takes minutes on a CPU). Open Study Folder… opens the results of a study run before, here or with facebench-cli study run.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fb::ui::ThumbnailModel</name>
    <message>
        <source>%1
%2 KiB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fb::ui::TrainingCurves</name>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss (nats)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy (fraction)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput (images/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>images/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time per step (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t_compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X axis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time per step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t_data (loading)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exponential moving average with the start-up bias removed, as TensorBoard. The raw series is drawn faintly. On a chart: hover to read values, drag and wheel to pan and zoom, double-click to show all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for training watched live: a run read back from its folder has no clock time for each step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t_agg (all-reduce)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fb::ui::TrainingPanel</name>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the experiment of the Experiment page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after the current step; a checkpoint is written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No training yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Checkpoints&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Log&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No experiment to train: set one up on the Experiment page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data-parallel training with %1 processes runs from the command line: save the experiment as YAML and run  facebench-cli train FILE.yaml --nproc %1  (the run then appears on the Runs page, followed live). Set Processes to 1 to train here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch %1, step %2 of %3: loss %4, accuracy %5, %6 images/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation at step %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint at step %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad image: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled at step %1; a checkpoint was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued: waiting for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused at step %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  (%2 MB, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start: %1 (see the Experiment page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot resume %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train %1 (%2 + %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued: %1 on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Train, evaluate and benchmark deep face-recognition models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &lt;dir&gt; as the current folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the page &lt;name&gt; (experiment, training, runs, jobs, ...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the run directory &lt;dir&gt; on the Runs page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the experiment YAML &lt;file&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &lt;n&gt; training jobs of the experiment at once (they queue on its device).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the benchmark result &lt;file&gt; (bench.json) on the Benchmark page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Evaluation tab &lt;name&gt; (roc, scores, lfw, pose, age, cmc, tpir, identification).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the run directory &lt;dir&gt; to the Comparison page (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index the dataset &lt;path&gt; on the Datasets page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview the face crop of &lt;file&gt; on the Datasets page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detector of the crop preview: mtcnn, haar or none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown page &apos;%1&apos;; pages: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Benchmark tab &lt;name&gt; (throughput, scaling, time, rows).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder to open: the one you ran facebench-cli in, its runs folder, or one run. Default: the working folder when it holds runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the study file or study output folder &lt;path&gt; on the Study page.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
