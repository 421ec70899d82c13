<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>DatasetsPanel</name>
    <message>
        <source>Reading the cached index…</source>
        <translation>Gespeicherten Index lesen …</translation>
    </message>
    <message>
        <source>%1 files seen</source>
        <translation>%1 Dateien gesehen</translation>
    </message>
    <message>
        <source>%1 identities, %2 images</source>
        <translation>%1 Identitäten, %2 Bilder</translation>
    </message>
</context>
<context>
    <name>EvaluationPanel</name>
    <message>
        <source>%1 is not a run folder. Choose a folder inside runs/ (named &lt;name&gt;-&lt;date&gt;-&lt;time&gt;, holding config.yaml and metrics.jsonl).</source>
        <translation>%1 ist kein Laufordner. Wählen Sie einen Ordner in runs/ (benannt &lt;name&gt;-&lt;date&gt;-&lt;time&gt;, mit config.yaml und metrics.jsonl).</translation>
    </message>
</context>
<context>
    <name>FaceCropTask</name>
    <message>
        <source>%1 (record at %2): cannot decode the image (%3)</source>
        <translation>%1 (Datensatz bei %2): Bild kann nicht dekodiert werden (%3)</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Unknown error</source>
        <translation>Unbekannter Fehler</translation>
    </message>
</context>
<context>
    <name>PretrainedChoices</name>
    <message>
        <source>No pretrained network is installed: run `%1` to fetch them into %2</source>
        <translation>Kein vortrainiertes Netz installiert: `%1` lädt sie nach %2</translation>
    </message>
    <message>
        <source>Pretrained</source>
        <translation>Vortrainiert</translation>
    </message>
    <message>
        <source>%1 (pretrained, %2)</source>
        <translation>%1 (vortrainiert, %2)</translation>
    </message>
    <message>
        <source>none installed: run %1</source>
        <translation>keines installiert: %1 ausführen</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Export figure</source>
        <translation>Abbildung exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;PDF-Dokument (*.pdf);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv);;Markdown (*.md)</source>
        <translation>CSV (*.csv);;Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export figure (PNG, PDF, SVG)…</source>
        <translation>Abbildung exportieren (PNG, PDF, SVG) …</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <source>Failure pairs</source>
        <translation>Fehlerpaare</translation>
    </message>
    <message>
        <source>Benchmark</source>
        <translation>Benchmark</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>%1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>%1
%2 x %3 px, face box %4,%5 %6 x %7</source>
        <translation>%1
%2 x %3 px, Gesichtsbox %4,%5 %6 x %7</translation>
    </message>
    <message>
        <source>%1
%2 x %3 px, a face crop (no boxes.csv)</source>
        <translation>%1
%2 x %3 px, ein Gesichtsausschnitt (keine boxes.csv)</translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation>%1 vs. %2</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1: Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1: PNG encoding failed: %2</source>
        <translation>%1: PNG-Kodierung fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1: cannot start the PDF</source>
        <translation>%1: PDF kann nicht begonnen werden</translation>
    </message>
    <message>
        <source>%1: cannot start the SVG</source>
        <translation>%1: SVG kann nicht begonnen werden</translation>
    </message>
    <message>
        <source>%1: no chart to export</source>
        <translation>%1: kein Diagramm zum Exportieren</translation>
    </message>
    <message>
        <source>%1: figure size %2 x %3 mm is outside 1..2000 mm</source>
        <translation>%1: Abbildungsgröße %2 x %3 mm liegt außerhalb von 1..2000 mm</translation>
    </message>
    <message>
        <source>%1: %2 DPI is outside 10..2400</source>
        <translation>%1: %2 DPI liegt außerhalb von 10..2400</translation>
    </message>
    <message>
        <source>%1: PNG scale %2 is outside (0, 8]</source>
        <translation>%1: PNG-Skalierung %2 liegt außerhalb von (0, 8]</translation>
    </message>
    <message>
        <source>%1: the PNG would exceed 400 megapixels</source>
        <translation>%1: Das PNG würde 400 Megapixel überschreiten</translation>
    </message>
    <message>
        <source>%1: the file name must end in .png, .pdf or .svg</source>
        <translation>%1: Der Dateiname muss auf .png, .pdf oder .svg enden</translation>
    </message>
    <message>
        <source>%1: the table file must end in .csv or .md</source>
        <translation>%1: Die Tabellendatei muss auf .csv oder .md enden</translation>
    </message>
    <message>
        <source>False accept rate (FAR, log scale)</source>
        <translation>Falschakzeptanzrate (FAR, log. Skala)</translation>
    </message>
    <message>
        <source>True accept rate (TAR)</source>
        <translation>Rate korrekter Akzeptanzen (TAR)</translation>
    </message>
    <message>
        <source>Cosine similarity score</source>
        <translation>Kosinus-Ähnlichkeit (Score)</translation>
    </message>
    <message>
        <source>Fraction of pairs per bin</source>
        <translation>Anteil der Paare pro Bin</translation>
    </message>
    <message>
        <source>Impostor pairs</source>
        <translation>Impostor-Paare</translation>
    </message>
    <message>
        <source>Genuine pairs</source>
        <translation>Genuine-Paare</translation>
    </message>
    <message>
        <source>Held-out fold</source>
        <translation>Zurückgehaltener Fold</translation>
    </message>
    <message>
        <source>Accuracy (%)</source>
        <translation>Genauigkeit (%)</translation>
    </message>
    <message>
        <source>Fold accuracy</source>
        <translation>Fold-Genauigkeit</translation>
    </message>
    <message>
        <source>Mean %1% ± %2 (s.e.)</source>
        <translation>Mittelwert %1 % ± %2 (Std.-Fehler)</translation>
    </message>
    <message>
        <source>Pose</source>
        <translation>Pose</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>%1 of template B (level)</source>
        <translation>%1 von Template B (Stufe)</translation>
    </message>
    <message>
        <source>%1 of template A (level)</source>
        <translation>%1 von Template A (Stufe)</translation>
    </message>
    <message>
        <source>Mean cosine similarity</source>
        <translation>Mittlere Kosinus-Ähnlichkeit</translation>
    </message>
    <message>
        <source>Batch size (images, log scale)</source>
        <translation>Batchgröße (Bilder, log. Skala)</translation>
    </message>
    <message>
        <source>Throughput (images/s)</source>
        <translation>Durchsatz (Bilder/s)</translation>
    </message>
    <message>
        <source>No benchmark rows</source>
        <translation>Keine Benchmark-Zeilen</translation>
    </message>
    <message>
        <source> (no batch ran)</source>
        <translation> (kein Batch gelaufen)</translation>
    </message>
    <message>
        <source>Out of memory / failed</source>
        <translation>Speicher erschöpft / fehlgeschlagen</translation>
    </message>
    <message>
        <source>Devices or processes (n)</source>
        <translation>Geräte oder Prozesse (n)</translation>
    </message>
    <message>
        <source>No scaling rows: benchmark on two or more devices
%1</source>
        <translation>Keine Skalierungszeilen: Benchmarken Sie auf zwei oder mehr Geräten
%1</translation>
    </message>
    <message>
        <source>eq. 6: %1%2%</source>
        <translation>Gl. 6: %1%2 %</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Configuration (model, batch size)</source>
        <translation>Konfiguration (Modell, Batchgröße)</translation>
    </message>
    <message>
        <source>Time per iteration (ms)</source>
        <translation>Zeit pro Iteration (ms)</translation>
    </message>
    <message>
        <source>t_data: waiting for the loader (eq. 7)</source>
        <translation>t_data: Warten auf den Loader (Gl. 7)</translation>
    </message>
    <message>
        <source>t_compute: training step</source>
        <translation>t_compute: Trainingsschritt</translation>
    </message>
    <message>
        <source>t_agg: gradient all-reduce (eq. 7)</source>
        <translation>t_agg: Gradienten-All-Reduce (Gl. 7)</translation>
    </message>
    <message>
        <source>No successful benchmark rows</source>
        <translation>Keine erfolgreichen Benchmark-Zeilen</translation>
    </message>
    <message>
        <source>Training step (iterations)</source>
        <translation>Trainingsschritt (Iterationen)</translation>
    </message>
    <message>
        <source>Training accuracy (fraction of batch)</source>
        <translation>Trainingsgenauigkeit (Anteil des Batches)</translation>
    </message>
    <message>
        <source>Training loss (nats)</source>
        <translation>Trainings-Loss (nats)</translation>
    </message>
    <message>
        <source>threshold at FAR %1: %2</source>
        <translation>Schwellwert bei FAR %1: %2</translation>
    </message>
    <message>
        <source>Scores: %1</source>
        <translation>Scores: %1</translation>
    </message>
    <message>
        <source>ROC: %1</source>
        <translation>ROC: %1</translation>
    </message>
    <message>
        <source>LFW 10-fold accuracy</source>
        <translation>LFW-Genauigkeit (10-fach)</translation>
    </message>
    <message>
        <source>VGGFace2 pose templates</source>
        <translation>VGGFace2-Posen-Templates</translation>
    </message>
    <message>
        <source>VGGFace2 age templates</source>
        <translation>VGGFace2-Alters-Templates</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>Trainings-Loss</translation>
    </message>
    <message>
        <source>Training accuracy</source>
        <translation>Trainingsgenauigkeit</translation>
    </message>
    <message>
        <source>Throughput against batch size</source>
        <translation>Durchsatz über Batchgröße</translation>
    </message>
    <message>
        <source>Data loading against compute</source>
        <translation>Datenladen vs. Berechnung</translation>
    </message>
    <message>
        <source>Scaling (eq. 6 speedup)</source>
        <translation>Skalierung (Speedup nach Gl. 6)</translation>
    </message>
    <message>
        <source>%1: nothing to draw: no eval/*.json, metrics.jsonl or bench/*.json</source>
        <translation>%1: nichts zu zeichnen: keine eval/*.json, metrics.jsonl oder bench/*.json</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>(base)</source>
        <translation>(Basis)</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Zelle</translation>
    </message>
    <message>
        <source>Rank (log scale)</source>
        <translation>Rang (logarithmische Skala)</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Identification rate (closed set)</source>
        <translation>Identifikationsrate (geschlossene Menge)</translation>
    </message>
    <message>
        <source>Gallery %1 (%2 subjects, %3 mated probes)</source>
        <translation>Galerie %1 (%2 Personen, %3 zugehörige Proben)</translation>
    </message>
    <message>
        <source>False positive identification rate (FPIR, log scale)</source>
        <translation>Falsch-positive Identifikationsrate (FPIR, logarithmische Skala)</translation>
    </message>
    <message>
        <source>True positive identification rate (TPIR)</source>
        <translation>Richtig-positive Identifikationsrate (TPIR)</translation>
    </message>
    <message>
        <source>Gallery %1 (%2 non-mated probes)</source>
        <translation>Galerie %1 (%2 nicht zugehörige Proben)</translation>
    </message>
    <message>
        <source>Not resolvable (fewer than 1/FPIR non-mated probes)</source>
        <translation>Nicht auflösbar (weniger als 1/FPIR nicht zugehörige Proben)</translation>
    </message>
    <message>
        <source>95% interval [%1, %2] (Student t over the folds)</source>
        <translation>95-%-Intervall [%1, %2] (Student-t über die Folds)</translation>
    </message>
    <message>
        <source>CMC (1:N closed set)</source>
        <translation>CMC (1:N, geschlossene Menge)</translation>
    </message>
    <message>
        <source>TPIR at FPIR (1:N open set)</source>
        <translation>TPIR bei FPIR (1:N, offene Menge)</translation>
    </message>
</context>
<context>
    <name>ThumbnailModel</name>
    <message>
        <source>%1: cannot decode the image (%2)</source>
        <translation>%1: Bild kann nicht dekodiert werden (%2)</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
</context>
<context>
    <name>UserMessage</name>
    <message>
        <source>the file is not valid JSON (line %1, column %2): it may be empty, cut short or not the file meant; write it again with FaceBench</source>
        <translation>die Datei ist kein gültiges JSON (Zeile %1, Spalte %2): Möglicherweise ist sie leer, abgeschnitten oder die falsche Datei; speichern Sie sie mit FaceBench neu</translation>
    </message>
    <message>
        <source>not a PyTorch checkpoint FaceBench can read: the file is empty, cut short or saved by an old PyTorch. Train the run again, or save the weights again with a current PyTorch</source>
        <translation>kein PyTorch-Checkpoint, den FaceBench lesen kann: Die Datei ist leer, abgeschnitten oder mit einer alten PyTorch-Version gespeichert. Trainieren Sie den Lauf erneut oder speichern Sie die Gewichte mit einer aktuellen PyTorch-Version neu</translation>
    </message>
</context>
<context>
    <name>fb::ui::AboutDialog</name>
    <message>
        <source>About FaceBench</source>
        <translation>Über FaceBench</translation>
    </message>
    <message>
        <source>A workbench for training, evaluating and benchmarking deep face-recognition models.</source>
        <translation>Eine Werkbank zum Trainieren, Evaluieren und Benchmarken tiefer Gesichtserkennungsmodelle.</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (erstellt mit %2)</translation>
    </message>
    <message>
        <source>FaceBench:</source>
        <translation>FaceBench:</translation>
    </message>
    <message>
        <source>LibTorch:</source>
        <translation>LibTorch:</translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation>Qt:</translation>
    </message>
    <message>
        <source>Compute:</source>
        <translation>Hardware:</translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation>Lizenz:</translation>
    </message>
    <message>
        <source>GNU General Public License, version 3 or later</source>
        <translation>GNU General Public License, Version 3 oder neuer</translation>
    </message>
    <message>
        <source>Study:</source>
        <translation>Studie:</translation>
    </message>
</context>
<context>
    <name>fb::ui::BenchPanel</name>
    <message>
        <source>cpu, cuda or cuda:N; comma-separated for several (Fig. 3 scaling)</source>
        <translation>cpu, cuda oder cuda:N; mehrere durch Kommas getrennt (Skalierung, Abb. 3)</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>Run benchmark</source>
        <translation>Benchmark ausführen</translation>
    </message>
    <message>
        <source>Open bench.json…</source>
        <translation>bench.json öffnen …</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>Diagramm exportieren …</translation>
    </message>
    <message>
        <source>Models:</source>
        <translation>Modelle:</translation>
    </message>
    <message>
        <source>Batch sizes:</source>
        <translation>Batchgrößen:</translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation>Geräte:</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>Genauigkeit:</translation>
    </message>
    <message>
        <source>Timed iterations:</source>
        <translation>Gemessene Iterationen:</translation>
    </message>
    <message>
        <source>Warm-up iterations:</source>
        <translation>Aufwärm-Iterationen:</translation>
    </message>
    <message>
        <source>CPU memory cap:</source>
        <translation>CPU-Speichergrenze:</translation>
    </message>
    <message>
        <source>Throughput (Fig. 2)</source>
        <translation>Durchsatz (Abb. 2)</translation>
    </message>
    <message>
        <source>Scaling (Fig. 3)</source>
        <translation>Skalierung (Abb. 3)</translation>
    </message>
    <message>
        <source>Data vs compute</source>
        <translation>Daten vs. Berechnung</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Configure a sweep and run it, or open a stored bench.json.</source>
        <translation>Konfigurieren Sie einen Sweep und führen Sie ihn aus, oder öffnen Sie eine gespeicherte bench.json.</translation>
    </message>
    <message>
        <source>Open benchmark</source>
        <translation>Benchmark öffnen</translation>
    </message>
    <message>
        <source>Benchmark (bench.json *.json)</source>
        <translation>Benchmark (bench.json *.json)</translation>
    </message>
    <message>
        <source>%1: %2 rows, started %3</source>
        <translation>%1: %2 Zeilen, gestartet %3</translation>
    </message>
    <message>
        <source>Throughput against batch size</source>
        <translation>Durchsatz über Batchgröße</translation>
    </message>
    <message>
        <source>Scaling with eq. 6 speedup</source>
        <translation>Skalierung mit Speedup nach Gl. 6</translation>
    </message>
    <message>
        <source>Data loading against compute per iteration</source>
        <translation>Datenladen vs. Berechnung pro Iteration</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Images/s</source>
        <translation>Bilder/s</translation>
    </message>
    <message>
        <source>ms median</source>
        <translation>ms Median</translation>
    </message>
    <message>
        <source>ms p90</source>
        <translation>ms p90</translation>
    </message>
    <message>
        <source>Peak mem (MiB)</source>
        <translation>Spitzenspeicher (MiB)</translation>
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
        <translation>Limitiert durch</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>No job runner: benchmarks need the workbench window.</source>
        <translation>Keine Auftragsverwaltung: Benchmarks benötigen das Workbench-Fenster.</translation>
    </message>
    <message>
        <source>Benchmark</source>
        <translation>Benchmark</translation>
    </message>
    <message>
        <source>Benchmark %1 models</source>
        <translation>%1 Modelle benchmarken</translation>
    </message>
    <message>
        <source>%1 configurations; written to %2</source>
        <translation>%1 Konfigurationen; geschrieben nach %2</translation>
    </message>
    <message>
        <source>Benchmark failed: %1</source>
        <translation>Benchmark fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>runs/ in the working folder</source>
        <translation>runs/ im Arbeitsordner</translation>
    </message>
    <message>
        <source>Each benchmark is saved in a bench-&lt;date&gt;-&lt;time&gt; folder here</source>
        <translation>Jeder Benchmark wird hier in einem Ordner bench-&lt;date&gt;-&lt;time&gt; gespeichert</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose the folder</source>
        <translation>Ordner wählen</translation>
    </message>
    <message>
        <source>Save benchmarks in</source>
        <translation>Benchmarks speichern in</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>Speichern in:</translation>
    </message>
    <message>
        <source>Data loading, compute and all-reduce per iteration</source>
        <translation>Datenladen, Berechnung und All-Reduce pro Iteration</translation>
    </message>
    <message>
        <source>Benchmark queued: it runs when its device is free (progress on the Jobs page)…</source>
        <translation>Benchmark eingereiht: Er läuft, sobald sein Gerät frei ist (Fortschritt auf der Seite „Aufträge“) …</translation>
    </message>
    <message>
        <source>Check the pretrained networks</source>
        <translation>Vortrainierte Netze auswählen</translation>
    </message>
    <message>
        <source>Pretrained, installed: %1
%2
Throughput does not depend on the weights.</source>
        <translation>Vortrainiert, installiert: %1
%2
Der Durchsatz hängt nicht von den Gewichten ab.</translation>
    </message>
    <message>
        <source>Pretrained, not installed: run %1</source>
        <translation>Vortrainiert, nicht installiert: %1 ausführen</translation>
    </message>
    <message>
        <source>Check %1</source>
        <translation>%1 auswählen</translation>
    </message>
</context>
<context>
    <name>fb::ui::ComparisonPanel</name>
    <message>
        <source>Add run…</source>
        <translation>Lauf hinzufügen …</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>Trainings-Loss</translation>
    </message>
    <message>
        <source>Training accuracy</source>
        <translation>Trainingsgenauigkeit</translation>
    </message>
    <message>
        <source>The verification set whose ROCs are overlaid</source>
        <translation>Das Verifikationsset, dessen ROC-Kurven überlagert werden</translation>
    </message>
    <message>
        <source>Copy table (Markdown)</source>
        <translation>Tabelle kopieren (Markdown)</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>Diagramm exportieren …</translation>
    </message>
    <message>
        <source>Export table…</source>
        <translation>Tabelle exportieren …</translation>
    </message>
    <message>
        <source>Runs:</source>
        <translation>Läufe:</translation>
    </message>
    <message>
        <source>Curve:</source>
        <translation>Kurve:</translation>
    </message>
    <message>
        <source>ROC of:</source>
        <translation>ROC von:</translation>
    </message>
    <message>
        <source>Table 3 layout: LFW accuracy, VGGFace2 pose and age similarity, IJB-A cross-quality TAR (%)</source>
        <translation>Layout von Tabelle 3: LFW-Genauigkeit, VGGFace2-Posen- und Altersähnlichkeit, IJB-A-Cross-Quality-TAR (%)</translation>
    </message>
    <message>
        <source>Table 15 layout: DFW and UMDFaces tracks, TAR (%)</source>
        <translation>Layout von Tabelle 15: DFW- und UMDFaces-Tracks, TAR (%)</translation>
    </message>
    <message>
        <source>Training curves</source>
        <translation>Trainingskurven</translation>
    </message>
    <message>
        <source>ROC</source>
        <translation>ROC</translation>
    </message>
    <message>
        <source>Results table</source>
        <translation>Ergebnistabelle</translation>
    </message>
    <message>
        <source>Add two or more runs to compare them.</source>
        <translation>Fügen Sie zwei oder mehr Läufe hinzu, um sie zu vergleichen.</translation>
    </message>
    <message>
        <source>Run folder</source>
        <translation>Laufordner</translation>
    </message>
    <message>
        <source>Copied the table as Markdown.</source>
        <translation>Tabelle als Markdown kopiert.</translation>
    </message>
    <message>
        <source>%1 runs, %2 with evaluation results</source>
        <translation>%1 Läufe, %2 mit Evaluationsergebnissen</translation>
    </message>
    <message>
        <source>%1% interval (%2): %3 to %4</source>
        <translation>%1-%-Intervall (%2): %3 bis %4</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv);;Markdown (*.md);;JSON (*.json)</source>
        <translation>CSV (*.csv);;Markdown (*.md);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>ROC: %1</source>
        <translation>ROC: %1</translation>
    </message>
    <message>
        <source>Not resolvable: the set has fewer impostor pairs than 1/FAR, so this TAR is not measured at that FAR</source>
        <translation>Nicht auflösbar: Das Set hat weniger Impostor-Paare als 1/FAR, daher lässt sich diese TAR bei dieser FAR nicht messen</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b03000&apos;&gt;*&lt;/span&gt; not resolvable: the set has fewer impostor pairs than 1/FAR, so that TAR is not measured.</source>
        <translation>&lt;span style=&apos;color:#b03000&apos;&gt;*&lt;/span&gt; nicht auflösbar: Das Set hat weniger Impostor-Paare als 1/FAR, daher lässt sich diese TAR nicht messen.</translation>
    </message>
</context>
<context>
    <name>fb::ui::CropCanvas</name>
    <message>
        <source>Select an image to preview its face crop.</source>
        <translation>Wählen Sie ein Bild aus, um eine Vorschau seines Gesichtsausschnitts zu sehen.</translation>
    </message>
</context>
<context>
    <name>fb::ui::CurvePlot</name>
    <message>
        <source>Step (iterations)</source>
        <translation>Schritt (Iterationen)</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Wall time (s)</source>
        <translation>Laufzeit (s)</translation>
    </message>
    <message>
        <source>%1: %2 (smoothed %3)</source>
        <translation>%1: %2 (geglättet %3)</translation>
    </message>
</context>
<context>
    <name>fb::ui::DatasetStatsView</name>
    <message>
        <source>Depth: images per identity</source>
        <translation>Tiefe: Bilder pro Identität</translation>
    </message>
    <message>
        <source>Images per identity (count)</source>
        <translation>Bilder pro Identität (Anzahl)</translation>
    </message>
    <message>
        <source>Identities (count)</source>
        <translation>Identitäten (Anzahl)</translation>
    </message>
    <message>
        <source>No dataset indexed.</source>
        <translation>Kein Datensatz indiziert.</translation>
    </message>
    <message>
        <source>&lt;table cellspacing=&apos;2&apos;&gt;&lt;tr&gt;&lt;td&gt;Format:&lt;/td&gt;&lt;td&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Breadth (identities):&lt;/td&gt;&lt;td&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Images:&lt;/td&gt;&lt;td&gt;&lt;b&gt;%3&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Depth (images per identity), mean:&lt;/td&gt;&lt;td&gt;&lt;b&gt;%4&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Depth, median:&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Depth, min – max:&lt;/td&gt;&lt;td&gt;%6 – %7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Problems:&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellspacing=&apos;2&apos;&gt;&lt;tr&gt;&lt;td&gt;Format:&lt;/td&gt;&lt;td&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Breite (Identitäten):&lt;/td&gt;&lt;td&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Bilder:&lt;/td&gt;&lt;td&gt;&lt;b&gt;%3&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Tiefe (Bilder pro Identität), Mittelwert:&lt;/td&gt;&lt;td&gt;&lt;b&gt;%4&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Tiefe, Median:&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Tiefe, Min. – Max.:&lt;/td&gt;&lt;td&gt;%6 – %7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Probleme:&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>Identities</source>
        <translation>Identitäten</translation>
    </message>
</context>
<context>
    <name>fb::ui::DatasetsPanel</name>
    <message>
        <source>Dataset folder, list file or .rec file</source>
        <translation>Datensatzordner, Listendatei oder .rec-Datei</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>ImageFolder (identity/image)</source>
        <translation>ImageFolder (Identität/Bild)</translation>
    </message>
    <message>
        <source>LFW (Name/Name_0001.jpg)</source>
        <translation>LFW (Name/Name_0001.jpg)</translation>
    </message>
    <message>
        <source>List file (path label)</source>
        <translation>Listendatei (Pfad Label)</translation>
    </message>
    <message>
        <source>RecordIO (train.rec)</source>
        <translation>RecordIO (train.rec)</translation>
    </message>
    <message>
        <source>Open Folder…</source>
        <translation>Ordner öffnen …</translation>
    </message>
    <message>
        <source>Open List File…</source>
        <translation>Listendatei öffnen …</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Indizieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Open a dataset to browse its identities.</source>
        <translation>Öffnen Sie einen Datensatz, um seine Identitäten zu durchsuchen.</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>Datensatz:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Search identities</source>
        <translation>Identitäten suchen</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Face crop preview</source>
        <translation>Vorschau des Gesichtsausschnitts</translation>
    </message>
    <message>
        <source>Identities</source>
        <translation>Identitäten</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>%1 of %2 thumbnails loaded</source>
        <translation>%1 von %2 Miniaturansichten geladen</translation>
    </message>
    <message>
        <source>Give a dataset folder or list file to index.</source>
        <translation>Geben Sie einen Datensatzordner oder eine Listendatei zum Indizieren an.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>Index %1</source>
        <translation>%1 indizieren</translation>
    </message>
    <message>
        <source>Indexing %1…</source>
        <translation>%1 wird indiziert …</translation>
    </message>
    <message>
        <source>Indexing %1: %2</source>
        <translation>Indizierung von %1: %2</translation>
    </message>
    <message>
        <source>%1 (%2): %3 identities, %4 images</source>
        <translation>%1 (%2): %3 Identitäten, %4 Bilder</translation>
    </message>
    <message numerus="yes">
        <source>; %n problem(s), e.g. %1: %2</source>
        <translation>
            <numerusform>; %n Problem, z. B. %1: %2</numerusform>
            <numerusform>; %n Probleme, z. B. %1: %2</numerusform>
        </translation>
    </message>
    <message>
        <source> (from the cached index)</source>
        <translation> (aus dem gespeicherten Index)</translation>
    </message>
    <message>
        <source>Indexing cancelled.</source>
        <translation>Indizierung abgebrochen.</translation>
    </message>
    <message>
        <source>Indexing failed.</source>
        <translation>Indizierung fehlgeschlagen.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n image(s)</source>
        <translation>
            <numerusform>%1: %n Bild</numerusform>
            <numerusform>%1: %n Bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Dataset Folder</source>
        <translation>Datensatzordner öffnen</translation>
    </message>
    <message>
        <source>Open Dataset List</source>
        <translation>Datensatzliste öffnen</translation>
    </message>
    <message>
        <source>Lists and RecordIO (*.txt *.lst *.list *.csv *.rec *.idx);;All files (*)</source>
        <translation>Listen und RecordIO (*.txt *.lst *.list *.csv *.rec *.idx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>This folder holds a dataset&apos;s parts: the training part is indexed first; pick another to browse it</source>
        <translation>Dieser Ordner enthält die Teile eines Datensatzes: Der Trainingsteil wird zuerst indiziert; wählen Sie einen anderen Teil, um ihn zu durchsuchen</translation>
    </message>
    <message>
        <source>Part:</source>
        <translation>Teil:</translation>
    </message>
</context>
<context>
    <name>fb::ui::EvaluationPanel</name>
    <message>
        <source>Run folder (runs/&lt;name&gt;-&lt;time&gt;)</source>
        <translation>Laufordner (runs/&lt;name&gt;-&lt;time&gt;)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>Load results</source>
        <translation>Ergebnisse laden</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Evaluieren</translation>
    </message>
    <message>
        <source>Run the checked protocols on the run&apos;s checkpoint (eval job)</source>
        <translation>Die ausgewählten Protokolle auf dem Checkpoint des Laufs ausführen (Evaluationsauftrag)</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>Diagramm exportieren …</translation>
    </message>
    <message>
        <source>Export table…</source>
        <translation>Tabelle exportieren …</translation>
    </message>
    <message>
        <source>Export all figures</source>
        <translation>Alle Abbildungen exportieren</translation>
    </message>
    <message>
        <source>Every chart of this run as PNG, PDF and SVG into RUN/figures</source>
        <translation>Alle Diagramme dieses Laufs als PNG, PDF und SVG nach RUN/figures</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>Lauf:</translation>
    </message>
    <message>
        <source>Protocols to run with Evaluate</source>
        <translation>Protokolle, die „Evaluieren“ ausführt</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>Genuine</source>
        <translation>Genuine</translation>
    </message>
    <message>
        <source>Impostor</source>
        <translation>Impostor</translation>
    </message>
    <message>
        <source>TAR@1% (%)</source>
        <translation>TAR@1% (%)</translation>
    </message>
    <message>
        <source>TAR@0.1% (%)</source>
        <translation>TAR@0,1% (%)</translation>
    </message>
    <message>
        <source>TAR@0.01% (%)</source>
        <translation>TAR@0,01% (%)</translation>
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
        <translation>Nicht auflösbar</translation>
    </message>
    <message>
        <source>threshold at FAR %1</source>
        <translation>Schwellwert bei FAR %1</translation>
    </message>
    <message>
        <source>Set:</source>
        <translation>Set:</translation>
    </message>
    <message>
        <source>ROC</source>
        <translation>ROC</translation>
    </message>
    <message>
        <source>Score histograms</source>
        <translation>Score-Histogramme</translation>
    </message>
    <message>
        <source>LFW folds</source>
        <translation>LFW-Folds</translation>
    </message>
    <message>
        <source>Pose similarity</source>
        <translation>Posenähnlichkeit</translation>
    </message>
    <message>
        <source>Age similarity</source>
        <translation>Altersähnlichkeit</translation>
    </message>
    <message>
        <source>Open a run folder with eval/ results, or evaluate one.</source>
        <translation>Öffnen Sie einen Laufordner mit Ergebnissen in eval/ oder evaluieren Sie einen.</translation>
    </message>
    <message>
        <source>Run folder</source>
        <translation>Laufordner</translation>
    </message>
    <message>
        <source>Loading %1 …</source>
        <translation>%1 wird geladen …</translation>
    </message>
    <message>
        <source>ROC: %1</source>
        <translation>ROC: %1</translation>
    </message>
    <message>
        <source>LFW 10-fold accuracy: %1</source>
        <translation>LFW-Genauigkeit (10-fach): %1</translation>
    </message>
    <message>
        <source>VGGFace2 pose templates (%1 subjects)</source>
        <translation>VGGFace2-Posen-Templates (%1 Personen)</translation>
    </message>
    <message>
        <source>VGGFace2 age templates (%1 subjects)</source>
        <translation>VGGFace2-Alters-Templates (%1 Personen)</translation>
    </message>
    <message>
        <source>%1: %2 result files, %3 verification sets</source>
        <translation>%1: %2 Ergebnisdateien, %3 Verifikationssets</translation>
    </message>
    <message>
        <source>Not resolvable: %1 impostor pairs cannot measure this FAR (fewer than 1/FAR)</source>
        <translation>Nicht auflösbar: %1 Impostor-Paare reichen nicht, um diese FAR zu messen (weniger als 1/FAR)</translation>
    </message>
    <message>
        <source>threshold at FAR %1: %2</source>
        <translation>Schwellwert bei FAR %1: %2</translation>
    </message>
    <message>
        <source>Scores: %1</source>
        <translation>Scores: %1</translation>
    </message>
    <message>
        <source>Choose a run folder first.</source>
        <translation>Wählen Sie zuerst einen Laufordner.</translation>
    </message>
    <message>
        <source>No job runner: evaluation needs the workbench window.</source>
        <translation>Keine Auftragsverwaltung: Die Evaluation benötigt das Workbench-Fenster.</translation>
    </message>
    <message>
        <source>Check at least one protocol.</source>
        <translation>Wählen Sie mindestens ein Protokoll aus.</translation>
    </message>
    <message>
        <source>Evaluate %1</source>
        <translation>%1 evaluieren</translation>
    </message>
    <message>
        <source>Evaluation %1: %2</source>
        <translation>Evaluation %1: %2</translation>
    </message>
    <message>
        <source>Wrote %1 files to %2</source>
        <translation>%1 Dateien nach %2 geschrieben</translation>
    </message>
    <message>
        <source>%1 has no evaluation results yet: check the protocols and press Evaluate.</source>
        <translation>%1 hat noch keine Evaluationsergebnisse: Wählen Sie die Protokolle aus und klicken Sie auf „Evaluieren“.</translation>
    </message>
    <message>
        <source>Evaluation queued: it runs when the CPU is free (progress on the Jobs page)…</source>
        <translation>Evaluation eingereiht: Sie läuft, sobald die CPU frei ist (Fortschritt auf der Seite „Aufträge“) …</translation>
    </message>
    <message>
        <source>CMC (1:N)</source>
        <translation>CMC (1:N)</translation>
    </message>
    <message>
        <source>TPIR at FPIR (1:N)</source>
        <translation>TPIR bei FPIR (1:N)</translation>
    </message>
    <message>
        <source>1:N table</source>
        <translation>1:N-Tabelle</translation>
    </message>
    <message>
        <source>This tab is a table: use Export table…</source>
        <translation>Dieser Reiter ist eine Tabelle: „Tabelle exportieren…“ verwenden</translation>
    </message>
    <message>
        <source>CMC (1:N closed set): %1</source>
        <translation>CMC (1:N, geschlossene Menge): %1</translation>
    </message>
    <message>
        <source>TPIR at FPIR (1:N open set): %1</source>
        <translation>TPIR bei FPIR (1:N, offene Menge): %1</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Mated probes</source>
        <translation>Zugehörige Proben</translation>
    </message>
    <message>
        <source>Non-mated probes</source>
        <translation>Nicht zugehörige Proben</translation>
    </message>
    <message>
        <source>Rank-%1 (%)</source>
        <translation>Rang %1 (%)</translation>
    </message>
    <message>
        <source>TPIR@FPIR %1 (%)</source>
        <translation>TPIR@FPIR %1 (%)</translation>
    </message>
    <message>
        <source>Not resolvable: too few non-mated probes to measure this FPIR (fewer than 1/FPIR)</source>
        <translation>Nicht auflösbar: zu wenige nicht zugehörige Proben, um diese FPIR zu messen (weniger als 1/FPIR)</translation>
    </message>
    <message>
        <source>No 1:N identification results: evaluate the run with the ijb protocol on IJB-B/C-style data.</source>
        <translation>Keine 1:N-Identifikationsergebnisse: den Lauf mit dem Protokoll ijb auf Daten im IJB-B/C-Format auswerten.</translation>
    </message>
    <message>
        <source>Values in %, [low, high] their intervals; * not resolvable.</source>
        <translation>Werte in %, [unten, oben] ihre Intervalle; * nicht auflösbar.</translation>
    </message>
    <message>
        <source>The run&apos;s checkpoint</source>
        <translation>Checkpoint des Laufs</translation>
    </message>
    <message>
        <source>Evaluate the run&apos;s best checkpoint, or an installed pretrained network with its authors&apos; pre-processing into the run folder above</source>
        <translation>Den besten Checkpoint des Laufs auswerten oder ein installiertes vortrainiertes Netz mit der Vorverarbeitung seiner Autoren, in den Laufordner oben</translation>
    </message>
    <message>
        <source>The protocols&apos; data folder (lfw/pairs.txt and the others), as `data synth` writes it; a run brings its own (eval.data)</source>
        <translation>Der Datenordner der Protokolle (lfw/pairs.txt und die anderen), wie `data synth` ihn schreibt; ein Lauf bringt seinen eigenen mit (eval.data)</translation>
    </message>
    <message>
        <source>Evaluate:</source>
        <translation>Auswerten:</translation>
    </message>
    <message>
        <source>Protocol data:</source>
        <translation>Protokolldaten:</translation>
    </message>
    <message>
        <source>%1 is no protocol data folder: name the folder that holds lfw/pairs.txt (`facebench-cli data synth` writes one)</source>
        <translation>%1 ist kein Datenordner der Protokolle: den Ordner mit lfw/pairs.txt angeben (`facebench-cli data synth` schreibt einen)</translation>
    </message>
</context>
<context>
    <name>fb::ui::ExperimentPanel</name>
    <message>
        <source>(no preset)</source>
        <translation>(keine Voreinstellung)</translation>
    </message>
    <message>
        <source>Load YAML…</source>
        <translation>YAML laden …</translation>
    </message>
    <message>
        <source>Save YAML…</source>
        <translation>YAML speichern …</translation>
    </message>
    <message>
        <source>Data and model</source>
        <translation>Daten und Modell</translation>
    </message>
    <message>
        <source>training folder or list file</source>
        <translation>Trainingsordner oder Listendatei</translation>
    </message>
    <message>
        <source>Training set:</source>
        <translation>Trainingsset:</translation>
    </message>
    <message>
        <source>ImageFolder (train/&lt;identity&gt;/*.jpg), LFW folder or list file</source>
        <translation>ImageFolder (train/&lt;identity&gt;/*.jpg), LFW-Ordner oder Listendatei</translation>
    </message>
    <message>
        <source>Validation split:</source>
        <translation>Validierungsanteil:</translation>
    </message>
    <message>
        <source>Fraction of each identity&apos;s images held out for validation</source>
        <translation>Anteil der Bilder jeder Identität, der für die Validierung zurückgehalten wird</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
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
        <translation>Eingabegröße (H × B):</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>Batchgröße:</translation>
    </message>
    <message>
        <source>PyTorch</source>
        <translation>PyTorch</translation>
    </message>
    <message>
        <source>TensorFlow (NHWC, drops the last batch)</source>
        <translation>TensorFlow (NHWC, verwirft den letzten Batch)</translation>
    </message>
    <message>
        <source>Caffe (wraps the last batch)</source>
        <translation>Caffe (füllt den letzten Batch zyklisch auf)</translation>
    </message>
    <message>
        <source>Style:</source>
        <translation>Stil:</translation>
    </message>
    <message>
        <source>Loss head and optimiser</source>
        <translation>Loss-Head und Optimierer</translation>
    </message>
    <message>
        <source>Head:</source>
        <translation>Head:</translation>
    </message>
    <message>
        <source>Scale s:</source>
        <translation>Skalierung s:</translation>
    </message>
    <message>
        <source>Margin m:</source>
        <translation>Margin m:</translation>
    </message>
    <message>
        <source>Center λ:</source>
        <translation>Center-λ:</translation>
    </message>
    <message>
        <source>SGD with momentum</source>
        <translation>SGD mit Momentum</translation>
    </message>
    <message>
        <source>Optimiser:</source>
        <translation>Optimierer:</translation>
    </message>
    <message>
        <source>Momentum:</source>
        <translation>Momentum:</translation>
    </message>
    <message>
        <source>Weight decay:</source>
        <translation>Weight Decay:</translation>
    </message>
    <message>
        <source>Learning-rate schedule and length</source>
        <translation>Lernraten-Schedule und Länge</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <source>multistep</source>
        <translation>Mehrstufig</translation>
    </message>
    <message>
        <source>poly</source>
        <translation>Polynomiell</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>Konstant</translation>
    </message>
    <message>
        <source>Form:</source>
        <translation>Form:</translation>
    </message>
    <message>
        <source>Base lr:</source>
        <translation>Basis-Lernrate:</translation>
    </message>
    <message>
        <source>Gamma:</source>
        <translation>Gamma:</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> Epochen</translation>
    </message>
    <message>
        <source>Step every:</source>
        <translation>Stufe alle:</translation>
    </message>
    <message>
        <source>iterations, e.g. 16000, 24000, 28000</source>
        <translation>Iterationen, z. B. 16000, 24000, 28000</translation>
    </message>
    <message>
        <source>Milestones:</source>
        <translation>Meilensteine:</translation>
    </message>
    <message>
        <source>Power:</source>
        <translation>Exponent:</translation>
    </message>
    <message>
        <source> iterations</source>
        <translation> Iterationen</translation>
    </message>
    <message>
        <source>Warm-up:</source>
        <translation>Warm-up:</translation>
    </message>
    <message>
        <source>iterations</source>
        <translation>Iterationen</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Länge:</translation>
    </message>
    <message>
        <source>Device and output</source>
        <translation>Gerät und Ausgabe</translation>
    </message>
    <message>
        <source>CPU (LibTorch threads: %1)</source>
        <translation>CPU (LibTorch-Threads: %1)</translation>
    </message>
    <message>
        <source>cuda:%1 — %2, %3 GiB</source>
        <translation>cuda:%1 — %2, %3 GiB</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <source>Experiments on the same device wait their turn in the job list</source>
        <translation>Experimente auf demselben Gerät warten in der Auftragsliste, bis sie an der Reihe sind</translation>
    </message>
    <message>
        <source>Processes:</source>
        <translation>Prozesse:</translation>
    </message>
    <message>
        <source>Data-parallel worker processes (one per GPU on CUDA); 1 trains in this process</source>
        <translation>Datenparallele Worker-Prozesse (unter CUDA einer pro GPU); bei 1 wird in diesem Prozess trainiert</translation>
    </message>
    <message>
        <source>Runs folder:</source>
        <translation>Laufordner:</translation>
    </message>
    <message>
        <source>Run name:</source>
        <translation>Laufname:</translation>
    </message>
    <message>
        <source>%1 — native input %2×%3, %4-d embedding, %5 M parameters without classifier</source>
        <translation>%1 — native Eingabe %2×%3, %4-dim. Embedding, %5 Mio. Parameter ohne Klassifikator</translation>
    </message>
    <message>
        <source>Could not load %1:
%2</source>
        <translation>%1 konnte nicht geladen werden:
%2</translation>
    </message>
    <message>
        <source>Could not load %1: %2</source>
        <translation>%1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Load Experiment</source>
        <translation>Experiment laden</translation>
    </message>
    <message>
        <source>Experiment YAML (*.yaml *.yml)</source>
        <translation>Experiment-YAML (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Save Experiment</source>
        <translation>Experiment speichern</translation>
    </message>
    <message>
        <source>The models and losses of the study, with its hyper-parameters (Table 2 of the paper)</source>
        <translation>Die Modelle und Losses der Studie mit ihren Hyperparametern (Tabelle 2 der Veröffentlichung)</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Voreinstellung:</translation>
    </message>
    <message>
        <source>Pre-processing, weight initialisation, last batch and memory format follow this framework (Tables 11 and 12 of the paper)</source>
        <translation>Vorverarbeitung, Gewichtsinitialisierung, letzter Batch und Speicherformat folgen diesem Framework (Tabellen 11 und 12 der Veröffentlichung)</translation>
    </message>
    <message>
        <source>Softmax, center loss, A-Softmax (SphereFace), CosFace or ArcFace (eq. 1-5 of the paper), or a later margin head: the combined margin cos(m1 θ + m2) − m3, CurricularFace or AdaFace (their further keys come from the preset or YAML file)</source>
        <translation>Softmax, Center Loss, A-Softmax (SphereFace), CosFace oder ArcFace (Gl. 1–5 der Veröffentlichung) oder ein späterer Margin-Head: die kombinierte Margin cos(m1 θ + m2) − m3, CurricularFace oder AdaFace (ihre weiteren Schlüssel kommen aus dem Preset oder der YAML-Datei)</translation>
    </message>
    <message>
        <source>Weight of the center loss (eq. 2 of the paper)</source>
        <translation>Gewicht des Center Loss (Gl. 2 der Veröffentlichung)</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> Schritte</translation>
    </message>
    <message>
        <source>Log every:</source>
        <translation>Loggen alle:</translation>
    </message>
    <message>
        <source>Steps between two points of the training charts (and rows of metrics.jsonl); a short run wants a small interval, 1 logs every step</source>
        <translation>Schritte zwischen zwei Punkten der Trainingsdiagramme (und Zeilen von metrics.jsonl); ein kurzer Lauf braucht ein kleines Intervall, bei 1 wird jeder Schritt geloggt</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Validate every:</source>
        <translation>Validieren alle:</translation>
    </message>
    <message>
        <source>Steps between two measurements of held-out accuracy (needs a validation split)</source>
        <translation>Schritte zwischen zwei Messungen der Genauigkeit auf zurückgehaltenen Daten (erfordert einen Validierungsanteil)</translation>
    </message>
    <message>
        <source>choose the training set: a folder with one subfolder of images per identity, or a list file</source>
        <translation>wählen Sie das Trainingsset: einen Ordner mit einem Unterordner voller Bilder pro Identität oder eine Listendatei</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>the file is empty: it holds no experiment settings. Choose another file or fill in the form and save it</source>
        <translation>die Datei ist leer und enthält keine Experimenteinstellungen. Wählen Sie eine andere Datei oder füllen Sie das Formular aus und speichern Sie es</translation>
    </message>
    <message>
        <source>Random initialisation</source>
        <translation>Zufällige Initialisierung</translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation>Start mit:</translation>
    </message>
    <message>
        <source>Fine-tune an installed pretrained network: its model, input size and pre-processing, its weights as the backbone&apos;s start</source>
        <translation>Ein installiertes vortrainiertes Netz feinabstimmen: sein Modell, seine Eingabegröße und Vorverarbeitung, seine Gewichte als Start des Backbones</translation>
    </message>
    <message>
        <source>Weights file %1</source>
        <translation>Gewichtsdatei %1</translation>
    </message>
</context>
<context>
    <name>fb::ui::FaceCropPreview</name>
    <message>
        <source>MTCNN (the study&apos;s)</source>
        <translation>MTCNN (wie in der Studie)</translation>
    </message>
    <message>
        <source>Haar cascade</source>
        <translation>Haar-Kaskade</translation>
    </message>
    <message>
        <source>None (already cropped)</source>
        <translation>Keiner (bereits zugeschnitten)</translation>
    </message>
    <message>
        <source>, …</source>
        <translation>, …</translation>
    </message>
    <message>
        <source>%1 × %2 px (%3)</source>
        <translation>%1 × %2 px (%3)</translation>
    </message>
    <message>
        <source>Open Image…</source>
        <translation>Bild öffnen …</translation>
    </message>
    <message>
        <source>Preview the crop of any image file</source>
        <translation>Vorschau des Ausschnitts einer beliebigen Bilddatei</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;■&lt;/span&gt; detected face &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;■&lt;/span&gt; crop box (+15% each side) &amp;nbsp; &lt;span style=&apos;color:%3&apos;&gt;●&lt;/span&gt; landmarks</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;■&lt;/span&gt; erkanntes Gesicht &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;■&lt;/span&gt; Ausschnittsbox (+15 % je Seite) &amp;nbsp; &lt;span style=&apos;color:%3&apos;&gt;●&lt;/span&gt; Landmarken</translation>
    </message>
    <message>
        <source>Detector:</source>
        <translation>Detektor:</translation>
    </message>
    <message>
        <source>Model input:</source>
        <translation>Modelleingabe:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Crop&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ausschnitt&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Preview Image</source>
        <translation>Vorschaubild</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.webp *.ppm *.pgm *.tif *.tiff);;All files (*)</source>
        <translation>Bilder (*.jpg *.jpeg *.png *.bmp *.webp *.ppm *.pgm *.tif *.tiff);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Face crop preview of %1</source>
        <translation>Vorschau des Gesichtsausschnitts von %1</translation>
    </message>
    <message>
        <source>Detecting…</source>
        <translation>Erkennung läuft …</translation>
    </message>
    <message>
        <source>The preview was cancelled.</source>
        <translation>Die Vorschau wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1 × %2 px, shown at %3×</source>
        <translation>%1 × %2 px, angezeigt mit %3×</translation>
    </message>
    <message>
        <source>Select an image in the grid, or open any image file.</source>
        <translation>Wählen Sie ein Bild im Raster aus oder öffnen Sie eine beliebige Bilddatei.</translation>
    </message>
    <message>
        <source>No detection: the whole image resized to the model input.</source>
        <translation>Keine Detektion: Das ganze Bild wird auf die Modelleingabe skaliert.</translation>
    </message>
    <message>
        <source>No face found: a training image would be discarded; a test image is centre-cropped (shown) and flagged.</source>
        <translation>Kein Gesicht gefunden: Ein Trainingsbild würde verworfen; ein Testbild wird mittig zugeschnitten (angezeigt) und markiert.</translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) in %1 ms. Picked: box [%2, %3, %4, %5], score %6; crop box [%7, %8, %9, %10] (x2, y2 exclusive).</source>
        <translation>
            <numerusform>%n Gesicht in %1 ms. Gewählt: Box [%2, %3, %4, %5], Score %6; Ausschnittsbox [%7, %8, %9, %10] (x2, y2 exklusiv).</numerusform>
            <numerusform>%n Gesichter in %1 ms. Gewählt: Box [%2, %3, %4, %5], Score %6; Ausschnittsbox [%7, %8, %9, %10] (x2, y2 exklusiv).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fb::ui::FailuresPanel</name>
    <message>
        <source>Run folder with eval/ results</source>
        <translation>Laufordner mit Ergebnissen in eval/</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>Protocol subset: LFW, a cross-quality study (Low2High, Middle2High), DFW, a UMDFaces track</source>
        <translation>Protokoll-Teilmenge: LFW, eine Cross-Quality-Studie (Low2High, Middle2High), DFW, ein UMDFaces-Track</translation>
    </message>
    <message>
        <source>FAR %1</source>
        <translation>FAR %1</translation>
    </message>
    <message>
        <source>show </source>
        <translation>zeige </translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>Lauf:</translation>
    </message>
    <message>
        <source>Subset:</source>
        <translation>Teilmenge:</translation>
    </message>
    <message>
        <source>Threshold at:</source>
        <translation>Schwellwert bei:</translation>
    </message>
    <message>
        <source>Run folder</source>
        <translation>Laufordner</translation>
    </message>
    <message>
        <source>No verification results in this run.</source>
        <translation>Keine Verifikationsergebnisse in diesem Lauf.</translation>
    </message>
    <message>
        <source>the eval JSON (no scores file for FAR %1)</source>
        <translation>dem Evaluations-JSON (keine Score-Datei für FAR %1)</translation>
    </message>
    <message>
        <source>False accepts (impostor pairs above the threshold, highest first)</source>
        <translation>Falschakzeptanzen (Impostor-Paare über dem Schwellwert, höchste zuerst)</translation>
    </message>
    <message>
        <source>False accept</source>
        <translation>Falschakzeptanz</translation>
    </message>
    <message>
        <source>False rejects (genuine pairs at or below the threshold, lowest first)</source>
        <translation>Falschrückweisungen (Genuine-Paare auf oder unter dem Schwellwert, niedrigste zuerst)</translation>
    </message>
    <message>
        <source>False reject</source>
        <translation>Falschrückweisung</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 at FAR %2: threshold %3 (accept iff score &gt; threshold), %4 false accepts and %5 false rejects in all; from %6. Click a pair to see both images full size.</source>
        <translation>%1 bei FAR %2: Schwellwert %3 (akzeptiert genau dann, wenn Score &gt; Schwellwert), insgesamt %4 Falschakzeptanzen und %5 Falschrückweisungen; aus %6. Klicken Sie auf ein Paar, um beide Bilder in voller Größe zu sehen.</translation>
    </message>
</context>
<context>
    <name>fb::ui::FigureSizeDialog</name>
    <message>
        <source>Figure size</source>
        <translation>Abbildungsgröße</translation>
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
        <translation>Breite:</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>Höhe:</translation>
    </message>
    <message>
        <source>Resolution (PNG):</source>
        <translation>Auflösung (PNG):</translation>
    </message>
    <message>
        <source>PNG scale factor:</source>
        <translation>PNG-Skalierungsfaktor:</translation>
    </message>
</context>
<context>
    <name>fb::ui::HomePage</name>
    <message>
        <source>Compute</source>
        <translation>Hardware</translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation>Geräte:</translation>
    </message>
    <message>
        <source>LibTorch:</source>
        <translation>LibTorch:</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Open Folder…</source>
        <translation>Ordner öffnen …</translation>
    </message>
    <message>
        <source>Open folder:</source>
        <translation>Geöffneter Ordner:</translation>
    </message>
    <message>
        <source>Runs:</source>
        <translation>Läufe:</translation>
    </message>
    <message>
        <source>Recent Folders</source>
        <translation>Zuletzt geöffnete Ordner</translation>
    </message>
    <message>
        <source>Double-click a folder to open it.</source>
        <translation>Doppelklicken Sie auf einen Ordner, um ihn zu öffnen.</translation>
    </message>
    <message>
        <source>Folders you open appear here.</source>
        <translation>Hier erscheinen die Ordner, die Sie öffnen.</translation>
    </message>
    <message>
        <source>None. Open the folder that holds your datasets and runs.</source>
        <translation>Keiner. Öffnen Sie den Ordner mit Ihren Datensätzen und Läufen.</translation>
    </message>
    <message>
        <source>Each run is written to the runs folder inside the open folder.</source>
        <translation>Jeder Lauf wird in den Ordner „runs“ im geöffneten Ordner geschrieben.</translation>
    </message>
    <message>
        <source>%1 (no runs yet)</source>
        <translation>%1 (noch keine Läufe)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n run(s))</source>
        <translation>
            <numerusform>%1 (%n Lauf)</numerusform>
            <numerusform>%1 (%n Läufe)</numerusform>
        </translation>
    </message>
    <message>
        <source>Quick start</source>
        <translation>Schnellstart</translation>
    </message>
    <message>
        <source>Train a small network with a center loss on generated faces (made on first use): about 2 minutes on two CPU cores. The run then appears below; press Evaluate on its Evaluation page for LFW and TAR@FAR.</source>
        <translation>Trainieren Sie ein kleines Netz mit Center-Loss auf generierten Gesichtern (beim ersten Mal erzeugt): etwa 2 Minuten auf zwei CPU-Kernen. Der Lauf erscheint dann unten; klicken Sie auf der Seite „Evaluation“ auf „Evaluieren“, um LFW und TAR@FAR zu erhalten.</translation>
    </message>
    <message>
        <source>Train the Quick Start</source>
        <translation>Schnellstart trainieren</translation>
    </message>
    <message>
        <source>Latest runs</source>
        <translation>Neueste Läufe</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Model + loss</source>
        <translation>Modell + Loss</translation>
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
        <translation>Rate korrekter Akzeptanzen (TAR) bei einer Falschakzeptanzrate (FAR) von 1 % auf dem ersten Verifikationsset des Laufs nach LFW (sein Name steht im Tooltip)</translation>
    </message>
    <message>
        <source>Double-click a run to open it on the Runs and Evaluation pages.</source>
        <translation>Doppelklicken Sie auf einen Lauf, um ihn auf den Seiten „Läufe“ und „Evaluation“ zu öffnen.</translation>
    </message>
    <message>
        <source>No runs yet: train the quick start, or open the folder you ran facebench-cli in.</source>
        <translation>Noch keine Läufe: Trainieren Sie den Schnellstart oder öffnen Sie den Ordner, in dem Sie facebench-cli ausgeführt haben.</translation>
    </message>
    <message>
        <source>%1; * not resolvable: fewer impostor pairs than 1/FAR</source>
        <translation>%1; * nicht auflösbar: weniger Impostor-Paare als 1/FAR</translation>
    </message>
</context>
<context>
    <name>fb::ui::IdentityModel</name>
    <message numerus="yes">
        <source>%1: %n image(s)</source>
        <translation>
            <numerusform>%1: %n Bild</numerusform>
            <numerusform>%1: %n Bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
</context>
<context>
    <name>fb::ui::JobListModel</name>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>fb::ui::JobListView</name>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>Beendete entfernen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Jobs&lt;/b&gt; — experiments on one device run one after the other; other work runs beside them.</source>
        <translation>&lt;b&gt;Aufträge&lt;/b&gt; — Experimente auf einem Gerät laufen nacheinander; andere Arbeiten laufen parallel dazu.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
</context>
<context>
    <name>fb::ui::JobRunner</name>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %n s</source>
        <translation>
            <numerusform>Abgebrochen nach %n s</numerusform>
            <numerusform>Abgebrochen nach %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished in %n s</source>
        <translation>
            <numerusform>Beendet nach %n s</numerusform>
            <numerusform>Beendet nach %n s</numerusform>
        </translation>
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
        <translation>Start</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Folder…</source>
        <translation>Ordner ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Recent &amp;Folders</source>
        <translation>&amp;Zuletzt geöffnete Ordner</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>A&amp;usführen</translation>
    </message>
    <message>
        <source>&amp;Cancel All Jobs</source>
        <translation>Alle Aufträge a&amp;bbrechen</translation>
    </message>
    <message>
        <source>No jobs are running.</source>
        <translation>Es laufen keine Aufträge.</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>Show &amp;Status Bar</source>
        <translation>&amp;Statusleiste anzeigen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About FaceBench</source>
        <translation>Ü&amp;ber FaceBench</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>%1 — FaceBench</source>
        <translation>%1 — FaceBench</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>The folder %1 no longer exists. It has been removed from the recent folders.</source>
        <translation>Der Ordner %1 existiert nicht mehr. Er wurde aus den zuletzt geöffneten Ordnern entfernt.</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>Menü &amp;leeren</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>&amp;Start Training</source>
        <translation>Training &amp;starten</translation>
    </message>
    <message>
        <source>Show &amp;Jobs</source>
        <translation>&amp;Aufträge anzeigen</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n job(s)</source>
        <translation>
            <numerusform>%n Auftrag abbrechen</numerusform>
            <numerusform>%n Aufträge abbrechen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) active</source>
        <translation>
            <numerusform>%n Auftrag aktiv</numerusform>
            <numerusform>%n Aufträge aktiv</numerusform>
        </translation>
    </message>
    <message>
        <source>Jobs (%1)</source>
        <translation>Aufträge (%1)</translation>
    </message>
    <message>
        <source>Quick start</source>
        <translation>Schnellstart</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Studie</translation>
    </message>
</context>
<context>
    <name>fb::ui::PairCard</name>
    <message>
        <source>missing
image</source>
        <translation>Bild
fehlt</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · score %2&lt;br&gt;%3 vs %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · Score %2&lt;br&gt;%3 vs. %4</translation>
    </message>
</context>
<context>
    <name>fb::ui::RunsPanel</name>
    <message>
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>running or interrupted</source>
        <translation>läuft oder unterbrochen</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>No runs folder. Open a folder or choose its runs/.</source>
        <translation>Kein Laufordner. Öffnen Sie einen Ordner oder wählen Sie dessen runs/.</translation>
    </message>
    <message>
        <source>Choose Runs Folder…</source>
        <translation>Laufordner wählen …</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Model + head</source>
        <translation>Modell + Head</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Last loss</source>
        <translation>Letzter Loss</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Select a run to see its configuration and curves.</source>
        <translation>Wählen Sie einen Lauf aus, um seine Konfiguration und Kurven zu sehen.</translation>
    </message>
    <message>
        <source>Runs in %1</source>
        <translation>Läufe in %1</translation>
    </message>
    <message>
        <source>Choose Runs Folder</source>
        <translation>Laufordner wählen</translation>
    </message>
    <message>
        <source>config: %1</source>
        <translation>Konfiguration: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <source>Preset: %1</source>
        <translation>Voreinstellung: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Model: %1 at %2×%3 px, head %4</source>
        <translation>Modell: %1 mit %2×%3 px, Head %4</translation>
    </message>
    <message>
        <source>Batch %1, style %2, device %3</source>
        <translation>Batch %1, Stil %2, Gerät %3</translation>
    </message>
    <message>
        <source>Training data: %1</source>
        <translation>Trainingsdaten: %1</translation>
    </message>
    <message>
        <source>Config: %1</source>
        <translation>Konfiguration: %1</translation>
    </message>
    <message>
        <source>Started %1%2</source>
        <translation>Gestartet %1%2</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>, ended %1</source>
        <translation>, beendet %1</translation>
    </message>
    <message>
        <source>Last log line: %1</source>
        <translation>Letzte Logzeile: %1</translation>
    </message>
    <message>
        <source>Checkpoints: %1</source>
        <translation>Checkpoints: %1</translation>
    </message>
    <message>
        <source>Evaluations: %1</source>
        <translation>Evaluationen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n metrics row(s)</source>
        <translation>
            <numerusform>%n Metrikzeile</numerusform>
            <numerusform>%n Metrikzeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c0392b&apos;&gt;%1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c0392b&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Tick runs in the list, then compare their curves, ROCs and results on the Comparison page</source>
        <translation>Haken Sie Läufe in der Liste an und vergleichen Sie dann ihre Kurven, ROC-Kurven und Ergebnisse auf der Seite „Vergleich“</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message numerus="yes">
        <source>Compare %n Run(s)</source>
        <translation>
            <numerusform>%n Lauf vergleichen</numerusform>
            <numerusform>%n Läufe vergleichen</numerusform>
        </translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Continue this run from its last checkpoint, as facebench-cli train --resume</source>
        <translation>Diesen Lauf ab seinem letzten Checkpoint fortsetzen, wie facebench-cli train --resume</translation>
    </message>
    <message>
        <source>A cancelled or interrupted run with a checkpoint can be continued</source>
        <translation>Ein abgebrochener oder unterbrochener Lauf mit Checkpoint kann fortgesetzt werden</translation>
    </message>
</context>
<context>
    <name>fb::ui::RuntimeText</name>
    <message numerus="yes">
        <source>CPU · %n thread(s)</source>
        <translation>
            <numerusform>CPU · %n Thread</numerusform>
            <numerusform>CPU · %n Threads</numerusform>
        </translation>
    </message>
    <message>
        <source>CUDA · %1</source>
        <translation>CUDA · %1</translation>
    </message>
    <message numerus="yes">
        <source>CPU: LibTorch uses %1 of %n hardware thread(s)</source>
        <translation>
            <numerusform>CPU: LibTorch nutzt %1 von %n Hardware-Thread</numerusform>
            <numerusform>CPU: LibTorch nutzt %1 von %n Hardware-Threads</numerusform>
        </translation>
    </message>
    <message>
        <source>CUDA: not available</source>
        <translation>CUDA: nicht verfügbar</translation>
    </message>
    <message>
        <source>cuda:%1: %2, %3</source>
        <translation>cuda:%1: %2, %3</translation>
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
        <translation>Lernrate über den Lauf</translation>
    </message>
    <message>
        <source>Iteration</source>
        <translation>Iteration</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source> images</source>
        <translation> Bilder</translation>
    </message>
    <message>
        <source>Training images per epoch, for the plot only: epoch-based schedules step every (images / batch size) iterations.</source>
        <translation>Trainingsbilder pro Epoche, nur für das Diagramm: Epochenbasierte Schedules schalten alle (Bilder / Batchgröße) Iterationen weiter.</translation>
    </message>
    <message>
        <source>Training set size for the plot:</source>
        <translation>Trainingssetgröße für das Diagramm:</translation>
    </message>
    <message>
        <source>%1 iterations, %2 per epoch; final lr %3.</source>
        <translation>%1 Iterationen, %2 pro Epoche; finale Lernrate %3.</translation>
    </message>
</context>
<context>
    <name>fb::ui::StudyEditor</name>
    <message>
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <source>Config file</source>
        <translation>Konfigurationsdatei</translation>
    </message>
    <message>
        <source>config file, relative to the study file</source>
        <translation>Konfigurationsdatei, relativ zur Studiendatei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Values (comma-separated)</source>
        <translation>Werte (durch Kommas getrennt)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Base:</source>
        <translation>Basis:</translation>
    </message>
    <message>
        <source>Set:</source>
        <translation>Setzen:</translation>
    </message>
    <message>
        <source>Add Setting</source>
        <translation>Einstellung hinzufügen</translation>
    </message>
    <message>
        <source>Axes:</source>
        <translation>Achsen:</translation>
    </message>
    <message>
        <source>Add Axis</source>
        <translation>Achse hinzufügen</translation>
    </message>
    <message>
        <source>Protocols:</source>
        <translation>Protokolle:</translation>
    </message>
    <message>
        <source>Repeats:</source>
        <translation>Wiederholungen:</translation>
    </message>
    <message>
        <source>Study file (preview):</source>
        <translation>Studiendatei (Vorschau):</translation>
    </message>
    <message>
        <source>Base Config</source>
        <translation>Basiskonfiguration</translation>
    </message>
    <message>
        <source>Experiment configs (*.yaml *.yml)</source>
        <translation>Experimentkonfigurationen (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>%1:%2: not YAML: %3</source>
        <translation>%1:%2: kein YAML: %3</translation>
    </message>
    <message>
        <source>%1: a study file is a YAML mapping (name, base, axes, ...)</source>
        <translation>%1: Eine Studiendatei ist eine YAML-Zuordnung (name, base, axes, ...)</translation>
    </message>
</context>
<context>
    <name>fb::ui::StudyPanel</name>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Open Study File…</source>
        <translation>Studiendatei öffnen…</translation>
    </message>
    <message>
        <source>Open Study Folder…</source>
        <translation>Studienordner öffnen…</translation>
    </message>
    <message>
        <source>No study open.</source>
        <translation>Keine Studie geöffnet.</translation>
    </message>
    <message>
        <source>output folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>Ausgabe:</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>The running cell saves a checkpoint; Run continues from it.</source>
        <translation>Die laufende Zelle speichert einen Checkpoint; Ausführen setzt dort fort.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export Table…</source>
        <translation>Tabelle exportieren…</translation>
    </message>
    <message>
        <source>Export Figure…</source>
        <translation>Abbildung exportieren…</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>Zeilen:</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>Spalten:</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>Metrik:</translation>
    </message>
    <message>
        <source>Double-click a cell to open its run.</source>
        <translation>Doppelklick auf eine Zelle öffnet ihren Lauf.</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Raster</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source>Output Folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <source>%1: no such study file</source>
        <translation>%1: Diese Studiendatei gibt es nicht</translation>
    </message>
    <message>
        <source>%1: not a study folder (it has no study.yaml)</source>
        <translation>%1: kein Studienordner (er enthält keine study.yaml)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n cell(s))</source>
        <translation>
            <numerusform>%1 (%n Zelle)</numerusform>
            <numerusform>%1 (%n Zellen)</numerusform>
        </translation>
    </message>
    <message>
        <source>(base)</source>
        <translation>(Basis)</translation>
    </message>
    <message>
        <source>step %1/%2</source>
        <translation>Schritt %1/%2</translation>
    </message>
    <message>
        <source>Study %1</source>
        <translation>Studie %1</translation>
    </message>
    <message>
        <source>%1 run, %2 already done, %3 failed%4</source>
        <translation>%1 ausgeführt, %2 bereits fertig, %3 fehlgeschlagen%4</translation>
    </message>
    <message>
        <source>, stopped</source>
        <translation>, angehalten</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Pausing: the running cell saves a checkpoint…</source>
        <translation>Wird pausiert: Die laufende Zelle speichert einen Checkpoint…</translation>
    </message>
    <message>
        <source>step %1/%2, ETA %3</source>
        <translation>Schritt %1/%2, verbleibend %3</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Paused: Run continues the study.</source>
        <translation>Pausiert: Ausführen setzt die Studie fort.</translation>
    </message>
    <message>
        <source>Cancelled: Run continues the study.</source>
        <translation>Abgebrochen: Ausführen setzt die Studie fort.</translation>
    </message>
    <message>
        <source>This cell has not run yet.</source>
        <translation>Diese Zelle ist noch nicht gelaufen.</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md);;CSV (*.csv)</source>
        <translation>Markdown (*.md);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>Open Study File</source>
        <translation>Studiendatei öffnen</translation>
    </message>
    <message>
        <source>Study files (*.yaml *.yml)</source>
        <translation>Studiendateien (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Open Study Folder</source>
        <translation>Studienordner öffnen</translation>
    </message>
    <message>
        <source>stopped, Run resumes</source>
        <translation>angehalten, Ausführen setzt fort</translation>
    </message>
    <message>
        <source>No study is open. A study trains one experiment along config keys (loss, model, batch size, ...) and compares the results in one table.

Open Study File… opens a study file to edit and run: examples/studies/ holds the paper&apos;s comparisons (losses.yaml takes minutes on a CPU). Open Study Folder… opens the results of a study run before, here or with facebench-cli study run.</source>
        <translation>Keine Studie geöffnet. Eine Studie trainiert ein Experiment entlang von Konfigurationsschlüsseln (Verlust, Modell, Batchgröße, ...) und vergleicht die Ergebnisse in einer Tabelle.

„Studiendatei öffnen…“ öffnet eine Studiendatei zum Bearbeiten und Ausführen: examples/studies/ enthält die Vergleiche des Artikels (losses.yaml dauert auf einer CPU Minuten). „Studienordner öffnen…“ öffnet die Ergebnisse einer früher ausgeführten Studie, hier oder mit facebench-cli study run.</translation>
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
        <translation>Loss</translation>
    </message>
    <message>
        <source>Loss (nats)</source>
        <translation>Loss (nats)</translation>
    </message>
    <message>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Accuracy (fraction)</source>
        <translation>Genauigkeit (Anteil)</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>lr</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>Throughput (images/s)</source>
        <translation>Durchsatz (Bilder/s)</translation>
    </message>
    <message>
        <source>images/s</source>
        <translation>Bilder/s</translation>
    </message>
    <message>
        <source>Time per step (s)</source>
        <translation>Zeit pro Schritt (s)</translation>
    </message>
    <message>
        <source>t_compute</source>
        <translation>t_compute</translation>
    </message>
    <message>
        <source>Log y</source>
        <translation>Log. y</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation>Glättung:</translation>
    </message>
    <message>
        <source>X axis:</source>
        <translation>X-Achse:</translation>
    </message>
    <message>
        <source>Time per step</source>
        <translation>Zeit pro Schritt</translation>
    </message>
    <message>
        <source>t_data (loading)</source>
        <translation>t_data (Laden)</translation>
    </message>
    <message>
        <source>Exponential moving average with the start-up bias removed, as TensorBoard. The raw series is drawn faintly. On a chart: hover to read values, drag and wheel to pan and zoom, double-click to show all.</source>
        <translation>Exponentieller gleitender Mittelwert mit entfernter Anfangsverzerrung, wie in TensorBoard. Die Rohdaten werden blass gezeichnet. Im Diagramm: Werte mit dem Mauszeiger ablesen, durch Ziehen und mit dem Mausrad verschieben und zoomen, per Doppelklick alles anzeigen.</translation>
    </message>
    <message>
        <source>Only for training watched live: a run read back from its folder has no clock time for each step.</source>
        <translation>Nur bei live verfolgtem Training: Ein aus seinem Ordner eingelesener Lauf enthält keine Uhrzeit für die einzelnen Schritte.</translation>
    </message>
    <message>
        <source>t_agg (all-reduce)</source>
        <translation>t_agg (All-Reduce)</translation>
    </message>
</context>
<context>
    <name>fb::ui::TrainingPanel</name>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Train the experiment of the Experiment page</source>
        <translation>Das Experiment der Seite „Experiment“ trainieren</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop after the current step; a checkpoint is written</source>
        <translation>Nach dem aktuellen Schritt anhalten; ein Checkpoint wird geschrieben</translation>
    </message>
    <message>
        <source>step %v of %m</source>
        <translation>Schritt %v von %m</translation>
    </message>
    <message>
        <source>No training yet.</source>
        <translation>Noch kein Training.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Checkpoints&lt;/b&gt;</source>
        <translation>&lt;b&gt;Checkpoints&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Log&lt;/b&gt;</source>
        <translation>&lt;b&gt;Log&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No experiment to train: set one up on the Experiment page.</source>
        <translation>Kein Experiment zum Trainieren: Richten Sie eines auf der Seite „Experiment“ ein.</translation>
    </message>
    <message>
        <source>Data-parallel training with %1 processes runs from the command line: save the experiment as YAML and run  facebench-cli train FILE.yaml --nproc %1  (the run then appears on the Runs page, followed live). Set Processes to 1 to train here.</source>
        <translation>Datenparalleles Training mit %1 Prozessen läuft über die Kommandozeile: Speichern Sie das Experiment als YAML und führen Sie  facebench-cli train FILE.yaml --nproc %1  aus (der Lauf erscheint dann auf der Seite „Läufe“ und wird live verfolgt). Setzen Sie „Prozesse“ auf 1, um hier zu trainieren.</translation>
    </message>
    <message>
        <source>training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Run: %1</source>
        <translation>Lauf: %1</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>Gestartet: %1</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>Restzeit %1</translation>
    </message>
    <message>
        <source>Epoch %1, step %2 of %3: loss %4, accuracy %5, %6 images/s</source>
        <translation>Epoche %1, Schritt %2 von %3: Loss %4, Genauigkeit %5, %6 Bilder/s</translation>
    </message>
    <message>
        <source>Validation at step %1: %2</source>
        <translation>Validierung bei Schritt %1: %2</translation>
    </message>
    <message>
        <source>Checkpoint at step %1: %2</source>
        <translation>Checkpoint bei Schritt %1: %2</translation>
    </message>
    <message>
        <source>Bad image: %1</source>
        <translation>Fehlerhaftes Bild: %1</translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation>Beendet: %1</translation>
    </message>
    <message>
        <source>Cancelled at step %1; a checkpoint was written.</source>
        <translation>Bei Schritt %1 abgebrochen; ein Checkpoint wurde geschrieben.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Queued: waiting for %1.</source>
        <translation>Eingereiht: wartet auf %1.</translation>
    </message>
    <message>
        <source>Paused at step %1.</source>
        <translation>Bei Schritt %1 pausiert.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>%1  (%2 MB, %3)</source>
        <translation>%1  (%2 MB, %3)</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <source>Cannot start: %1 (see the Experiment page)</source>
        <translation>Start nicht möglich: %1 (siehe Seite „Experiment“)</translation>
    </message>
    <message>
        <source>Cannot resume %1: %2</source>
        <translation>%1 kann nicht fortgesetzt werden: %2</translation>
    </message>
    <message>
        <source>Train %1 (%2 + %3)</source>
        <translation>%1 trainieren (%2 + %3)</translation>
    </message>
    <message>
        <source>Resume %1</source>
        <translation>%1 fortsetzen</translation>
    </message>
    <message>
        <source>Queued: %1 on %2.</source>
        <translation>Eingereiht: %1 auf %2.</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>wird gestartet …</translation>
    </message>
    <message>
        <source>Starting %1…</source>
        <translation>%1 wird gestartet …</translation>
    </message>
    <message>
        <source>Train %1</source>
        <translation>%1 trainieren</translation>
    </message>
    <message>
        <source>Started: %1.</source>
        <translation>Gestartet: %1.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Train, evaluate and benchmark deep face-recognition models.</source>
        <translation>Tiefe Gesichtserkennungsmodelle trainieren, evaluieren und benchmarken.</translation>
    </message>
    <message>
        <source>Open &lt;dir&gt; as the current folder.</source>
        <translation>&lt;dir&gt; als aktuellen Ordner öffnen.</translation>
    </message>
    <message>
        <source>Show the page &lt;name&gt; (experiment, training, runs, jobs, ...).</source>
        <translation>Die Seite &lt;name&gt; anzeigen (experiment, training, runs, jobs, ...).</translation>
    </message>
    <message>
        <source>Open the run directory &lt;dir&gt; on the Runs page.</source>
        <translation>Das Laufverzeichnis &lt;dir&gt; auf der Seite „Läufe“ öffnen.</translation>
    </message>
    <message>
        <source>Load the experiment YAML &lt;file&gt;.</source>
        <translation>Die Experiment-YAML &lt;file&gt; laden.</translation>
    </message>
    <message>
        <source>Start &lt;n&gt; training jobs of the experiment at once (they queue on its device).</source>
        <translation>&lt;n&gt; Trainingsaufträge des Experiments gleichzeitig starten (sie reihen sich auf seinem Gerät ein).</translation>
    </message>
    <message>
        <source>Open the benchmark result &lt;file&gt; (bench.json) on the Benchmark page.</source>
        <translation>Das Benchmark-Ergebnis &lt;file&gt; (bench.json) auf der Seite „Benchmark“ öffnen.</translation>
    </message>
    <message>
        <source>Show the Evaluation tab &lt;name&gt; (roc, scores, lfw, pose, age, cmc, tpir, identification).</source>
        <translation>Den Evaluations-Tab &lt;name&gt; anzeigen (roc, scores, lfw, pose, age, cmc, tpir, identification).</translation>
    </message>
    <message>
        <source>Add the run directory &lt;dir&gt; to the Comparison page (repeatable).</source>
        <translation>Das Laufverzeichnis &lt;dir&gt; zur Seite „Vergleich“ hinzufügen (wiederholbar).</translation>
    </message>
    <message>
        <source>Index the dataset &lt;path&gt; on the Datasets page.</source>
        <translation>Den Datensatz &lt;path&gt; auf der Seite „Datensätze“ indizieren.</translation>
    </message>
    <message>
        <source>Preview the face crop of &lt;file&gt; on the Datasets page.</source>
        <translation>Vorschau des Gesichtsausschnitts von &lt;file&gt; auf der Seite „Datensätze“.</translation>
    </message>
    <message>
        <source>Detector of the crop preview: mtcnn, haar or none.</source>
        <translation>Detektor der Ausschnittsvorschau: mtcnn, haar oder none.</translation>
    </message>
    <message>
        <source>Unknown page &apos;%1&apos;; pages: %2</source>
        <translation>Unbekannte Seite „%1“; Seiten: %2</translation>
    </message>
    <message>
        <source>Show the Benchmark tab &lt;name&gt; (throughput, scaling, time, rows).</source>
        <translation>Den Benchmark-Tab &lt;name&gt; anzeigen (throughput, scaling, time, rows).</translation>
    </message>
    <message>
        <source>The folder to open: the one you ran facebench-cli in, its runs folder, or one run. Default: the working folder when it holds runs.</source>
        <translation>Der zu öffnende Ordner: der, in dem Sie facebench-cli ausgeführt haben, dessen runs-Ordner oder ein einzelner Lauf. Standard: der Arbeitsordner, sofern er Läufe enthält.</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 ist kein Ordner</translation>
    </message>
    <message>
        <source>Open the study file or study output folder &lt;path&gt; on the Study page.</source>
        <translation>Die Studiendatei oder den Ausgabeordner einer Studie &lt;path&gt; auf der Seite „Studie“ öffnen.</translation>
    </message>
</context>
</TS>
