<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>QObject</name>
    <message>
        <source>this chart has no data to export yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the SVG file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the PNG file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown file type; expected .png, .svg or .csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the chart as PNG or SVG, or its data as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;CSV data (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept fraction f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pareto frontier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training examples kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 f=%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: b = %1 ± %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>PruneScope: a workbench for data pruning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset to open (a path or fashion-mnist)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store file to use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a screenshot once the dataset is open, then quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milliseconds between opening and the screenshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a scoring run with the form&apos;s settings once the dataset is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View to show first: dataset, gallery, scores, frontier, scaling, fairness or theory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once the dataset is open, audit point N of the frontier study shown (as a click on it does)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once the dataset is open, show training example N in the gallery&apos;s detail pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept fraction (percent) the gallery&apos;s slider starts at</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::ClassCountModel</name>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of train</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::DatasetSummaryWidget</name>
    <message>
        <source>No dataset open. Use File ▸ Open Fashion-MNIST, or open a folder or CSV manifest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format: %1    Train: %2    Test: %3    Image: %4 × %5 × %6 (H × W × C)    Classes: %7    Fingerprint: %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped files: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::ExampleListModel</name>
    <message>
        <source>pruned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (label %2)
%3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::FairnessView</name>
    <message>
        <source>No audit yet: click a point of a frontier study to audit that pruning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept fraction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy (subset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy (full data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept fraction per class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy on the subset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change in accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keeps less than %1 × f of its examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, test error %1 (full data %2), worst class %3 at %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; pruned disproportionately: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit of %1 by %2 (score run %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by class (f = %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::FrontierView</name>
    <message>
        <source>Study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No frontier study yet: start one in the Jobs panel (Frontier tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1 · %2 · f = %3 · %4 epochs · %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, f = %2
test error %3 ± %4 over %5 seed(s)
%6 examples kept, %7 epochs%8
click: fairness audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
on the Pareto frontier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 f=%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test error against kept fraction (%1, budget: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hover a point for its numbers; click it for the fairness audit of that pruning.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::GalleryView</name>
    <message>
        <source>keep hardest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep easiest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept fraction f: examples the pruning drops are shown on red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>class-balanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pruning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Easiest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hardest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click an example to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank (1 = hardest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export selection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export kept subset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies index, class, score and source of the selected examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes the training indices the pruning keeps (.txt, .npy or .csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scores yet: start a scoring run in the Jobs panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>f = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 scored examples kept, %3 pruned (on red)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training example #%1
Class: %2 (label %3)
Source: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no score is shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the selected examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the kept subset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index list (*.txt);;NumPy indices (*.npy);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::JobPanel</name>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score only the first N training examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start scoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frontier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoring: %1 · %2 · epochs: %3 · seeds: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frontier: %1 · %2 · epochs: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scaling: %1 · %2 · epochs: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fairness audit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done (run %1, from the store)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done (run %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled — resume continues from the last finished step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::MainWindow</name>
    <message>
        <source>PruneScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PruneScope — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot record the dataset in the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frontier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fairness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs in the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot show the frontier study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot show the scaling study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run is %1; only finished runs have results to show. Start the same job again to resume it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(run %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 is a model trained for a study; its test error shows in that study&apos;s view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auditing %1… (the Jobs panel shows its progress; models the study trained come from the store)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Fashion-MNIST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Dataset Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;CSV Manifest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recent Datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the store %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language applies the next time PruneScope starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a dataset folder (IDX, CIFAR binary or class folders)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a CSV manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV manifests (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::RunTableModel</name>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::RunsPanel</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the run&apos;s results in its view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 is still running: cancel its job first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 run %2 (%3) and everything it stored? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::ScalingView</name>
    <message>
        <source>Study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scaling study yet: start one in the Jobs panel (Scaling tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test error against examples kept (%1), log-log; lines: fitted power laws</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>f = %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legend: b is the fitted exponent of err = a·n^(−b) (+ c), ± its standard error.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::ScoreCatalog</name>
    <message>
        <source>%1 (run %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::ScoreView</name>
    <message>
        <source>Top-k overlap: k is this fraction of the examples every score covers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distribution per class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement between scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top fraction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spearman rank correlation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-k overlap (fraction of the k hardest shared)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV data (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs at least two cached scores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>difficulty (%1, higher = harder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>examples per bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 per class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the %1 training examples every score covers; k = %2 (the hardest %3 %).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no agreement to export: it needs at least two cached scores</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies the next time PruneScope starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite stores (*.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::StudyForm</name>
    <message>
        <source>The cached score the study prunes by (run a scoring job first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept fractions f, ascending, each in (0, 1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>class-balanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate on the first N test examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start frontier study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start scaling study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept fractions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smallest pool of training examples; pools grow geometrically to all scored examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smallest pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool sizes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test examples</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::TheoryView</name>
    <message>
        <source>keep hard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep easy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dimension N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>α_tot (examples / N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept fractions f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe angle θ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 points, %2 trials each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulation failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b00&apos;&gt;%1&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perceptron: test error against α_prune = f · α_tot (θ = %1°)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>α_prune (examples kept per dimension)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, f = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pareto frontier</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
