<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Help</name>
    <message>
        <source>Score</source>
        <translation type="unfinished">Score</translation>
    </message>
    <message>
        <source>What it measures (higher = harder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores</source>
        <translation type="unfinished">Scores</translation>
    </message>
    <message>
        <source>Pruning policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;class-balanced&lt;/b&gt;: each class keeps the same fraction f (a quota), so no class is emptied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pitfalls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The very hardest examples are often mislabelled: look at them in the gallery (the likely-mislabelled filter) and tag them, or cut the extreme tail (CCS β).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pruning by score can empty some classes: audit per class (click a frontier point) and use class balance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EL2N is noisy from one model: average several seeds early in training (the paper: ~epoch 20 of 200 on CIFAR-10, ≥ 10 seeds).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores and policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About PruneScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;PruneScope %1&lt;/h3&gt;&lt;p&gt;A workbench for data pruning: score every training example by difficulty, look at the easiest and hardest, train on pruned subsets, and see whether pruning beats power-law scaling on your data.&lt;/p&gt;&lt;p&gt;After Sorscher, Geirhos, Shekhar, Ganguli, Morcos: &lt;i&gt;Beyond neural scaling laws: beating power law scaling via data pruning&lt;/i&gt; (NeurIPS 2022).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep hard is best when data is plentiful (large α_tot): Sorscher et al. show it can beat power-law scaling. Keep easy is best when data is scarce (small α_tot).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random is a strong baseline at small kept fractions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CCS first cuts the hardest β (often mislabelled), then samples evenly across the difficulty range.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobPanel</name>
    <message>
        <source>%1
Training: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Policy</name>
    <message>
        <source>keep hardest</source>
        <translation type="unfinished">keep hardest</translation>
    </message>
    <message>
        <source>keep the hardest examples (after dropping the hardest beta)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep easiest</source>
        <translation type="unfinished">keep easiest</translation>
    </message>
    <message>
        <source>keep the easiest examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep random</source>
        <translation type="unfinished">keep random</translation>
    </message>
    <message>
        <source>keep a uniform random sample (seeded): the baseline every pruning must beat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coverage-centric (CCS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coverage-centric: drop the hardest beta, then sample evenly across score strata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>robust (DRoP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>class quotas growing with the class&apos;s error of a model trained with the recipe on 80 % of each class and measured on the 20 % held out (drawn with the seed), then random within class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group-balanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every group (class x the dataset&apos;s attributes) keeps the same fraction, its hardest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>semantic dedup (SemDeDup)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inside each k-means cluster of the embedding, keep one of every group of examples closer than 1 - epsilon (the one farthest from the centroid); with a kept fraction, drop the most redundant first (needs the semdedup score)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>this chart has no data to export yet</source>
        <translation>this chart has no data to export yet</translation>
    </message>
    <message>
        <source>unknown file type; expected .png, .svg or .csv</source>
        <translation>unknown file type; expected .png, .svg or .csv</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Export the chart</source>
        <translation>Export the chart</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;CSV data (*.csv)</source>
        <translation>PNG image (*.png);;SVG drawing (*.svg);;CSV data (*.csv)</translation>
    </message>
    <message>
        <source>kept fraction f</source>
        <translation>kept fraction f</translation>
    </message>
    <message>
        <source>test error</source>
        <translation>test error</translation>
    </message>
    <message>
        <source>keep %1 (%2)</source>
        <translation>keep %1 (%2)</translation>
    </message>
    <message>
        <source>Pareto frontier</source>
        <translation>Pareto frontier</translation>
    </message>
    <message>
        <source>training examples kept</source>
        <translation>training examples kept</translation>
    </message>
    <message>
        <source>: b = %1 ± %2</source>
        <translation>: b = %1 ± %2</translation>
    </message>
    <message>
        <source>all data (f=1)</source>
        <translation>all data (f=1)</translation>
    </message>
    <message>
        <source>keep %1 f=%2</source>
        <translation>keep %1 f=%2</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>epoch</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>loss</translation>
    </message>
    <message>
        <source>accuracy, error</source>
        <translation>accuracy, error</translation>
    </message>
    <message>
        <source>%1 · loss</source>
        <translation>%1 · loss</translation>
    </message>
    <message>
        <source>%1 · train accuracy</source>
        <translation>%1 · train accuracy</translation>
    </message>
    <message>
        <source>%1 · test error</source>
        <translation>%1 · test error</translation>
    </message>
    <message>
        <source>chance (balanced accuracy)</source>
        <translation>chance (balanced accuracy)</translation>
    </message>
    <message>
        <source>the window could not be encoded as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot draw the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>screen (96 dpi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print (150 dpi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>publication (300 dpi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the chart as PNG (at a chosen resolution) or SVG, or its data as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>envelope: best f and policy per pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>envelope: best f per pool, keep-%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>envelope fit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 f=%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: b = %1 (too few points for a standard error)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time not estimated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact duplicates only: this build has no FAISS for near ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact duplicates only: the store holds no embedding of this dataset. Run prunescope-cli duplicates, or a prototype score, for near ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact: identical pixels. Near: cosine similarity ≥ %1 in the %2 embedding of run %3 (%4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decile %1: %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decile %1: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;#%1&lt;/b&gt; · %2&lt;br&gt;map (%3, %4)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Setting</name>
    <message>
        <source>Kept fraction</source>
        <translation type="unfinished">Kept fraction</translation>
    </message>
    <message>
        <source>Kept fraction f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hardest dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard and CCS: drop this fraction of the hardest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CCS strata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CCS: number of score strata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pruning seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of random and CCS sampling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dedup epsilon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dedup: keep SemDeDup&apos;s set, one of every group closer than 1 - epsilon (instead of the kept fraction)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>class-balanced</source>
        <translation type="unfinished">class-balanced</translation>
    </message>
    <message>
        <source>Class-balanced policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores</source>
        <translation type="unfinished">Scores</translation>
    </message>
    <message>
        <source>Comma-separated scores (higher = harder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation type="unfinished">Seeds</translation>
    </message>
    <message>
        <source>Independent training runs to average over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples</source>
        <translation type="unfinished">Examples</translation>
    </message>
    <message>
        <source>Score only the first N training examples (0 = all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished">all</translation>
    </message>
    <message>
        <source>EL2N epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch of EL2N (default: 20% of training)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto (20 % of training)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GraNd epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch of GraNd; 0 = at initialisation (default: EL2N&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto (EL2N&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prototype k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k of the class-agnostic k-means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prototype k per class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k per class (1 = class centroid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prototype embedding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classifier (penultimate layer), ssl (built-in self-supervised encoder), or a TorchScript encoder file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoder epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs of the self-supervised encoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SemDeDup clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clusters of semdedup&apos;s k-means (0 = one per 8800 examples, the cluster size of SemDeDup&apos;s 50 000 clusters on LAION-440M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policies</source>
        <translation type="unfinished">Policies</translation>
    </message>
    <message>
        <source>Comma-separated pruning policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept fractions</source>
        <translation type="unfinished">Kept fractions</translation>
    </message>
    <message>
        <source>Kept fractions f, ascending, each in (0, 1]</source>
        <translation type="unfinished">Kept fractions f, ascending, each in (0, 1]</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epochs: equal epochs; steps: equal optimisation steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeats per point (training seed, and random&apos;s subset seed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test examples</source>
        <translation type="unfinished">Test examples</translation>
    </message>
    <message>
        <source>Evaluate on the first N test examples (0 = all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smallest pool</source>
        <translation type="unfinished">Smallest pool</translation>
    </message>
    <message>
        <source>Smallest pool of training examples; pools grow geometrically to all scored examples</source>
        <translation type="unfinished">Smallest pool of training examples; pools grow geometrically to all scored examples</translation>
    </message>
    <message>
        <source>Pool sizes</source>
        <translation type="unfinished">Pool sizes</translation>
    </message>
    <message>
        <source>Sizes in the geometric grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sizes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ascending pool sizes (default: geometric grid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished">Model</translation>
    </message>
    <message>
        <source>small_cnn, resnet18, small_cnn_nobn, or a TorchScript file (.pt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished">Epochs</translation>
    </message>
    <message>
        <source>Training epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size (when not given, lowered for small training sets to give at least 20 steps per epoch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished">Learning rate</translation>
    </message>
    <message>
        <source>Peak learning rate (SGD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SGD momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning-rate schedule after the warm-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linear learning-rate warm-up, as a fraction of training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clip the gradient&apos;s L2 norm to this (0 = off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random crops with padding (and flips where allowed) while training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Horizontal flips; auto: not for digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished">Seed</translation>
    </message>
    <message>
        <source>First seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fail a run whose model did not learn, and leave out a score without spread (recorded with the run); a diverged loss fails the run either way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU threads (0 = every core)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto (a GPU when there is one), cpu, cuda or cuda:N</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmJobRow</name>
    <message>
        <source>not submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gone from the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task %1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · result in its shard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished, result in its shard</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more to resubmit</source>
        <translation>
            <numerusform>… and %n more to resubmit</numerusform>
            <numerusform>… and %n more to resubmit</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: task %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: tasks %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>plan folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each task of the array: its Slurm state and whether its shard holds its result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resubmit failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit again the tasks that failed, were cancelled or timed out (with a new merge job)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the array and its merge job (scancel); shards already done stay</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>hard</source>
        <comment>policy</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>easy</source>
        <comment>policy</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random</source>
        <comment>policy</comment>
        <translation type="unfinished">random</translation>
    </message>
    <message>
        <source>CCS</source>
        <comment>policy</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at f = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep %1 at f = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score</source>
        <comment>run kind</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frontier</source>
        <comment>run kind</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scaling</source>
        <comment>run kind</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train</source>
        <comment>run kind</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import</source>
        <comment>run kind</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit</source>
        <comment>run kind</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, class-balanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lr %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no health checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first %1 examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(run %1)</source>
        <translation type="unfinished">(run %1)</translation>
    </message>
    <message>
        <source>class-balanced</source>
        <translation type="unfinished">class-balanced</translation>
    </message>
    <message>
        <source>%1 (one seed: no spread measured)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 +- %2 (spread across %3 seeds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(one seed: no spread measured)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1 to %2 within the spread across %3 seeds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no pruning (f = 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pruning at f = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep-%1 by %2 at f = %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scaling run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frontier run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing measured applies at %1 examples: the frontier studies measured only their own pool sizes; a scaling study covers a range of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For %1 examples before pruning, the best measured choice is %2: expected test error %3, training on %4 examples.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pruning is not expected to help here: the best pruned choice, %1, gives %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without pruning: %1; gain %2 (%3% lower error).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No f = 1 curve applies here: the gain over not pruning is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With one seed per point the ranking has no interval: more seeds would say how sure it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The runner-up, %1 at %2, overlaps that interval: the data do not single out one choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 examples is OUTSIDE the measured pools (%2 to %3): these numbers extrapolate power laws and may be wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no measured curve reaches a test error of %1 (each needs 2 or more pool sizes and an error that falls with more data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To reach a test error of %1, the choice needing the fewest examples is %2: about %3 examples before pruning %4, training on %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pruning is not expected to help here: the best pruned choice, %1, needs about %2 examples before pruning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without pruning: about %1 examples (%2 times as many).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No f = 1 curve reaches it: the gain over not pruning is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is OUTSIDE the measured pools (%1 to %2): it extrapolates a power law and may be wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not pruning (f = 1) was best at every pool measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep-%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best per pool: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the envelope has fewer than 2 pool sizes with a positive error: nothing to fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no unpruned curve (f = 1 at 2 or more pool sizes) was measured: nothing to compare with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no pruned point beat not pruning at any pool measured: the envelope is the unpruned curve (exponent %1), so pruning does not beat power-law scaling at these sizes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>envelope exponent %1, unpruned %2, difference %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pruning beats power-law scaling here: %1 (more than 2 standard errors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pruning scales worse than no pruning here: %1 (more than 2 standard errors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the data cannot tell whether pruning beats power-law scaling: %1 (within 2 standard errors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep-%1 is at least as good as keep-%2 at every size up to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep-%1 beats keep-%2 at every size from %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep-%1 overtakes keep-%2 from %3 examples (before pruning)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>power law</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exponential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broken power law</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>||softmax - onehot||2 early in training, un-augmented inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>norm of the per-example loss gradient w.r.t. all parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correct-to-incorrect transitions in training (never learned = epochs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minus the mean margin (assigned logit - largest other logit) in training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 - mean probability of the label across training (data maps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>std of the probability of the label across training (data maps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entropy of the final model&apos;s prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minus (p_label - largest other p) of the final model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cosine distance to the nearest k-means centroid (class-agnostic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cosine distance to the nearest centroid of the example&apos;s own class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uniform random (seeded), the baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, hardest %1 dropped first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label check</source>
        <comment>run kind</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1h%2m</source>
        <comment>duration</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1m%2s</source>
        <comment>duration</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1s</source>
        <comment>duration</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no examples scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one example holds the maximum %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 examples tie at the maximum %2, ranked among themselves by the label&apos;s probability under the trained models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 examples tie at the maximum %2, ranked among themselves by training index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 show as %2 at three digits (distinct values, ranked by them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 folds, cross-validated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The error of %1 at %2 examples lies OUTSIDE the pools its curve measured: it extrapolates a power law and may be wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That, and the %1 examples of %2, are OUTSIDE the measured pools (%3 to %4): they extrapolate power laws and may be wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 examples of %2 are OUTSIDE the measured pools (%3 to %4): that figure extrapolates a power law and may be wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>envelope exponent %1, unpruned %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the data cannot tell: a standard error needs at least 5 pool sizes, or 4 each measured with 2 or more seeds, on each curve (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trains only to its epoch when every requested score is read early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the whole training (classifier embedding), else the encoder only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the whole training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>robust (DRoP)</source>
        <comment>policy</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group-balanced</source>
        <comment>policy</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dedup (SemDeDup)</source>
        <comment>policy</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 - highest cosine similarity to another example of its k-means cluster (redundancy)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>PruneScope: a workbench for data pruning</source>
        <translation>PruneScope: a workbench for data pruning</translation>
    </message>
    <message>
        <source>Dataset to open (a path or fashion-mnist)</source>
        <translation>Dataset to open (a path or fashion-mnist)</translation>
    </message>
    <message>
        <source>Save a screenshot once the dataset is open, then quit</source>
        <translation>Save a screenshot once the dataset is open, then quit</translation>
    </message>
    <message>
        <source>Milliseconds between opening and the screenshot</source>
        <translation>Milliseconds between opening and the screenshot</translation>
    </message>
    <message>
        <source>View to show first: dataset, gallery, scores, frontier, scaling, fairness or theory</source>
        <translation>View to show first: dataset, gallery, scores, frontier, scaling, fairness or theory</translation>
    </message>
    <message>
        <source>Once the dataset is open, audit point N of the frontier study shown (as a click on it does)</source>
        <translation>Once the dataset is open, audit point N of the frontier study shown (as a click on it does)</translation>
    </message>
    <message>
        <source>Once the dataset is open, show training example N (or the hardest) in the gallery&apos;s detail pane</source>
        <translation>Once the dataset is open, show training example N (or the hardest) in the gallery&apos;s detail pane</translation>
    </message>
    <message>
        <source>Once the dataset is open, select run N in the runs panel (its detail and training curves)</source>
        <translation>Once the dataset is open, select run N in the runs panel (its detail and training curves)</translation>
    </message>
    <message>
        <source>Examples the gallery shows: all, disagrees or mislabelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form the Jobs panel shows first: 1 (scoring), 2 (frontier), 3 (scaling)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store file for this launch (File › Settings sets the default store)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a scoring run with the form&apos;s settings once the dataset is open (said on stderr with its estimated time; a job over ten minutes is asked about)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept fraction f in (0, 1] the gallery&apos;s slider starts at</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::AgreementHeatmap</name>
    <message>
        <source>%1 vs %2
Spearman ρ = %3
top-k overlap = %4 (k = %5 of the %6 examples both cover)
click: scatter of the two</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::BackgroundJob</name>
    <message>
        <source>“Learning rate” (under Training settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Epochs”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Batch size” (under Training settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the batch size (set in the Score form&apos;s Training settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Find… button beside it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untick “fail the run if the model does not learn” to keep such a run anyway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::ChartView</name>
    <message>
        <source>Wheel or drag a box: zoom · Shift+drag: pan · double-click or 0: whole chart · click a legend entry: hide/show it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
x = %2, y = %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::ClassCountModel</name>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Train</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Share of train</source>
        <translation>Share of train</translation>
    </message>
</context>
<context>
    <name>ps::ui::ClassPicker</name>
    <message>
        <source>type a name or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type part of a class&apos;s name or its id to list the classes that match</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::ClassSummaryPanel</name>
    <message>
        <source>The share of the class&apos;s examples the pruning above removes (how many)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difficulty of the class&apos;s examples (higher = harder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished">Class</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples</source>
        <translation type="unfinished">Examples</translation>
    </message>
    <message>
        <source>Median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a class (name or id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep hardest</source>
        <translation type="unfinished">keep hardest</translation>
    </message>
    <message>
        <source>keep easiest</source>
        <translation type="unfinished">keep easiest</translation>
    </message>
    <message>
        <source>Kept fraction of the whole training set: the table gives each class&apos;s share this pruning removes (pruned over all classes at once, not class-balanced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pruning</source>
        <translation type="unfinished">Pruning</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation type="unfinished">Computing…</translation>
    </message>
    <message>
        <source>%1 classes, the most affected first (largest share removed, then highest median). Click a class to draw its distribution below; sort by any column.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::DatasetSummaryWidget</name>
    <message>
        <source>No dataset open. Use File ▸ Open Fashion-MNIST, or open a folder or CSV manifest.</source>
        <translation>No dataset open. Use File ▸ Open Fashion-MNIST, or open a folder or CSV manifest.</translation>
    </message>
    <message>
        <source>No dataset</source>
        <translation>No dataset</translation>
    </message>
    <message>
        <source>Format: %1    Train: %2    Test: %3    Image: %4 × %5 × %6 (H × W × C)    Classes: %7    Fingerprint: %8</source>
        <translation>Format: %1    Train: %2    Test: %3    Image: %4 × %5 × %6 (H × W × C)    Classes: %7    Fingerprint: %8</translation>
    </message>
    <message>
        <source>Skipped files: %1</source>
        <translation>Skipped files: %1</translation>
    </message>
</context>
<context>
    <name>ps::ui::DensityPlot</name>
    <message>
        <source>Pick two scores (or click a cell of the agreement matrix).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = %2, %3 = %4
%5 example(s) in this cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
nearest: example #%1 (%2, %3); click to open it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::DuplicatePairsPanel</name>
    <message>
        <source>near: similarity ≥ </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Near duplicates: cosine similarity of the two examples&apos; embeddings, at least this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag the copies exclude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags &apos;exclude&apos; the second example of every pair within training (one of each group is kept) and the training example of every leak; Ctrl+Z undoes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching for duplicates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates could not be searched: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>near</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n leak(s): a test example with a copy in training</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) within training</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> (the first %1 shown)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::ExampleListModel</name>
    <message>
        <source>pruned</source>
        <translation>pruned</translation>
    </message>
    <message>
        <source>%1 (label %2)
%3</source>
        <translation>%1 (label %2)
%3</translation>
    </message>
    <message>
        <source>Likely mislabelled: the models confidently predict another class</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::FairnessView</name>
    <message>
        <source>No audit yet: click a point of a frontier study to audit that pruning.</source>
        <translation>No audit yet: click a point of a frontier study to audit that pruning.</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Kept</translation>
    </message>
    <message>
        <source>Kept fraction</source>
        <translation>Kept fraction</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>kept fraction per class</source>
        <translation>kept fraction per class</translation>
    </message>
    <message>
        <source>accuracy on the subset</source>
        <translation>accuracy on the subset</translation>
    </message>
    <message>
        <source>change in accuracy</source>
        <translation>change in accuracy</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>keeps less than %1 × f of its examples</source>
        <translation>keeps less than %1 × f of its examples</translation>
    </message>
    <message>
        <source>%1: %2 kept</source>
        <translation>%1: %2 kept</translation>
    </message>
    <message>
        <source>, test error %1 (full data %2), worst class %3 at %4</source>
        <translation>, test error %1 (full data %2), worst class %3 at %4</translation>
    </message>
    <message>
        <source>; pruned disproportionately: %1</source>
        <translation>; pruned disproportionately: %1</translation>
    </message>
    <message>
        <source>Audit of %1 by %2 (score run %3)</source>
        <translation>Audit of %1 by %2 (score run %3)</translation>
    </message>
    <message>
        <source>Acc. subset</source>
        <translation>Acc. subset</translation>
    </message>
    <message>
        <source>Acc. full data</source>
        <translation>Acc. full data</translation>
    </message>
    <message>
        <source>%1 (f = %2)</source>
        <translation>%1 (f = %2)</translation>
    </message>
    <message>
        <source>%1
%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>make-up: share of the full set and of each kept set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit by class, or by group: class × the values of an attribute of the dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>class × %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No audit yet: click a point of a frontier study to audit that pruning, then group it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auditing %1 by class × %2… (the Jobs panel shows its progress)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit of %1 by group (score run %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 least accurate of %2 classes: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 most harmed of %2 classes: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 most pruned of %2 classes: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::FrontierView</name>
    <message>
        <source>No frontier study yet: start one in the Jobs panel (Frontier tab).</source>
        <translation>No frontier study yet: start one in the Jobs panel (Frontier tab).</translation>
    </message>
    <message>
        <source>run %1 · %2 · f = %3 · %4 epochs · %5</source>
        <translation>run %1 · %2 · f = %3 · %4 epochs · %5</translation>
    </message>
    <message>
        <source>Hover a point for its numbers; click it for the fairness audit of that pruning.</source>
        <translation>Hover a point for its numbers; click it for the fairness audit of that pruning.</translation>
    </message>
    <message>
        <source>%1, f = %2</source>
        <translation type="unfinished">%1, f = %2</translation>
    </message>
    <message>
        <source>%1 examples kept · %2 epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on the Pareto frontier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>click: fairness audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>equal epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>equal steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test error</source>
        <translation type="unfinished">test error</translation>
    </message>
    <message>
        <source>worst-class error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worst-group error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the chart draws against the kept fraction; the Pareto frontier follows it. A group is a class × the values of the dataset&apos;s attributes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 ± %3 (std over %4 seeds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (1 seed, no spread)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This study has no worst-group error (its dataset has no attribute to group by, or it was trained before per-group error was recorded): showing the test error. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This study has no worst-class error: showing the test error. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worst-class error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worst-group error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 against kept fraction (%2, budget: %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::GalleryTags</name>
    <message>
        <source>Tag as %1	%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag the selected examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag (letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove all tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>untag %n example(s) as %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>tag %n example(s) as %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>remove the tags of %n example(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Undo: %1	Ctrl+Z</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::GalleryView</name>
    <message>
        <source>Kept fraction f: examples the pruning drops are shown on red</source>
        <translation>Kept fraction f: examples the pruning drops are shown on red</translation>
    </message>
    <message>
        <source>class-balanced</source>
        <translation>class-balanced</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Pruning</source>
        <translation>Pruning</translation>
    </message>
    <message>
        <source>Easiest</source>
        <translation>Easiest</translation>
    </message>
    <message>
        <source>Hardest</source>
        <translation>Hardest</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Example</translation>
    </message>
    <message>
        <source>Click an example to see it here.</source>
        <translation>Click an example to see it here.</translation>
    </message>
    <message>
        <source>Copy selection</source>
        <translation>Copy selection</translation>
    </message>
    <message>
        <source>Export selection…</source>
        <translation>Export selection…</translation>
    </message>
    <message>
        <source>Export kept subset…</source>
        <translation>Export kept subset…</translation>
    </message>
    <message>
        <source>Copies index, class, score and source of the selected examples</source>
        <translation>Copies index, class, score and source of the selected examples</translation>
    </message>
    <message>
        <source>Writes the training indices the pruning keeps (.txt, .npy or .csv)</source>
        <translation>Writes the training indices the pruning keeps (.txt, .npy or .csv)</translation>
    </message>
    <message>
        <source>No scores yet: start a scoring run in the Jobs panel.</source>
        <translation>No scores yet: start a scoring run in the Jobs panel.</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>All classes</translation>
    </message>
    <message>
        <source>f = %1</source>
        <translation>f = %1</translation>
    </message>
    <message>
        <source>%1 of %2 scored examples kept, %3 pruned (on red)</source>
        <translation>%1 of %2 scored examples kept, %3 pruned (on red)</translation>
    </message>
    <message>
        <source>Training example #%1
Class: %2 (label %3)
Source: %4</source>
        <translation>Training example #%1
Class: %2 (label %3)
Source: %4</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>no score is shown</source>
        <translation>no score is shown</translation>
    </message>
    <message>
        <source>Export the selected examples</source>
        <translation>Export the selected examples</translation>
    </message>
    <message>
        <source>Export the kept subset</source>
        <translation>Export the kept subset</translation>
    </message>
    <message>
        <source>Index list (*.txt);;NumPy indices (*.npy);;CSV (*.csv)</source>
        <translation>Index list (*.txt);;NumPy indices (*.npy);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>Rank by difficulty: 1 is the hardest example</source>
        <translation>Rank by difficulty: 1 is the hardest example</translation>
    </message>
    <message>
        <source>All examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run stored no predictions (an import, or a run without a classifier): nothing to compare the labels with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model predicts: %1 (%2); given label&apos;s probability %3
Disagrees with the label in %4 of %5 seeds
Top classes: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thumbnail size (Ctrl+wheel over a list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thumbnails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; %1 of them tagged &apos;exclude&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep hardest and CCS first drop this fraction of the hardest examples (often mislabelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied %n example(s) to the clipboard</source>
        <translation>
            <numerusform>Copied %n example to the clipboard</numerusform>
            <numerusform>Copied %n examples to the clipboard</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, epochs not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ tentative (%1): with fewer than %2 seeds or %3 epochs the models take hard examples for mislabelled ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label disagrees with the model (in-sample)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Likely mislabelled (in-sample)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Likely mislabelled: the models confidently predict another class (confident learning, Northcutt et al. 2021) in at least half of the seeds. In-sample: the scoring run&apos;s models, which trained on these examples. Cross-validated: each example predicted by a model trained on the other folds (Check labels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check labels (%1-fold)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts a job: the scoring form&apos;s recipe trains %1 models, each on all but one fold, and each fold&apos;s labels are checked against the model that did not train on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every class keeps the same fraction f (the studies&apos; default too)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difficulty
(higher = harder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The score as its method defines it (e.g. AUM&apos;s margin: higher = easier); — where the run stored only the difficulty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value the gallery orders and prunes by, always higher = harder; with the mean ± standard deviation over the run&apos;s seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags (M mislabelled, A ambiguous, K keep, X exclude, or the context menu) and Export selection act on these examples only; Ctrl+Z undoes a tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n selected in Easiest&lt;/b&gt;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n selected in Hardest&lt;/b&gt;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>; %1 at the maximum %2 (%3 show as %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Likely mislabelled (cross-validated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-validated (run %1, %2 folds, out-of-sample probabilities): %3 of %4 examples look mislabelled%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In-sample (the scoring run&apos;s models trained on these examples): they disagree with the label of %1 examples; %2 look mislabelled%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Likely mislabelled, in-sample (the models are confident it is another class)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-validated (a model that did not train on it): %1 (%2); given label&apos;s probability %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — likely mislabelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates (pairs within training)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaks (test examples with a copy in training)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n selected on the map&lt;/b&gt;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ps::ui::GroupFairnessPanel</name>
    <message>
        <source>make-up: share of the full set and of the kept set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept fraction per group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy: subset&apos;s model and full-data model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change in accuracy</source>
        <translation type="unfinished">change in accuracy</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation type="unfinished">Chart</translation>
    </message>
    <message>
        <source>Audit of %1 by class × %2: %3 of %4 examples kept, %5 groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>average %1, worst group %2 (%3), worst class %4 (%5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Test accuracy of the subset&apos;s model: %1.
Full-data model: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
No accuracy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished">Class</translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept</source>
        <translation type="unfinished">Kept</translation>
    </message>
    <message>
        <source>Kept fraction</source>
        <translation type="unfinished">Kept fraction</translation>
    </message>
    <message>
        <source>Share of full set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of kept set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acc. subset</source>
        <translation type="unfinished">Acc. subset</translation>
    </message>
    <message>
        <source>Acc. full data</source>
        <translation type="unfinished">Acc. full data</translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished">Change</translation>
    </message>
    <message>
        <source>Test examples</source>
        <translation type="unfinished">Test examples</translation>
    </message>
    <message>
        <source>the worst group: the lowest test accuracy of the subset&apos;s model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share of the full set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subset&apos;s model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept fraction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share of the kept set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full-data model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (worst)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 least accurate of %2 groups: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 most harmed of %2 groups: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 most pruned of %2 groups: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::HistogramGrid</name>
    <message>
        <source>max %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, higher = harder; each panel on its own count scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 example(s) with %3 in [%4, %5)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::JobEstimate</name>
    <message>
        <source>Estimating the time this job takes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training measured at %1 images/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;A long job: about %1&lt;/b&gt; (%2). It can be cancelled and resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No time estimate: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::JobPanel</name>
    <message>
        <source>Score only the first N training examples</source>
        <translation>Score only the first N training examples</translation>
    </message>
    <message>
        <source>Start scoring</source>
        <translation>Start scoring</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Scores</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochs</translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation>Seeds</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Examples</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Frontier</source>
        <translation>Frontier</translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation>Scaling</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>Scoring: %1 · %2 · epochs: %3 · seeds: %4</source>
        <translation>Scoring: %1 · %2 · epochs: %3 · seeds: %4</translation>
    </message>
    <message>
        <source>Fairness audit: %1</source>
        <translation>Fairness audit: %1</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>starting…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%1 · %2 left</source>
        <translation>%1 · %2 left</translation>
    </message>
    <message>
        <source>done (run %1, from the store)</source>
        <translation>done (run %1, from the store)</translation>
    </message>
    <message>
        <source>done (run %1)</source>
        <translation>done (run %1)</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>cancelled — resume continues from the last finished step</source>
        <translation>cancelled — resume continues from the last finished step</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>failed: %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Import: %1 from %2</source>
        <translation>Import: %1 from %2</translation>
    </message>
    <message>
        <source>%1: %2 · %3 · epochs: %4</source>
        <translation>%1: %2 · %3 · epochs: %4</translation>
    </message>
    <message>
        <source>Peak learning rate (SGD with momentum, linear warm-up, cosine decay)</source>
        <translation>Peak learning rate (SGD with momentum, linear warm-up, cosine decay)</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Find…</translation>
    </message>
    <message>
        <source>Learning-rate range test: train briefly at growing learning rates and put the one where the loss falls fastest here</source>
        <translation>Learning-rate range test: train briefly at growing learning rates and put the one where the loss falls fastest here</translation>
    </message>
    <message>
        <source>fail the run if the model does not learn</source>
        <translation>fail the run if the model does not learn</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Learning rate</translation>
    </message>
    <message>
        <source>Learning-rate range test: %1</source>
        <translation>Learning-rate range test: %1</translation>
    </message>
    <message>
        <source>suggested learning rate %1 (where the loss falls fastest; lowest loss at %2)</source>
        <translation>suggested learning rate %1 (where the loss falls fastest; lowest loss at %2)</translation>
    </message>
    <message>
        <source>Health checks: a model still at chance level when a score is read fails the run instead of caching meaningless scores, and a score without spread is left out. A diverged loss fails the run either way.</source>
        <translation>Health checks: a model still at chance level when a score is read fails the run instead of caching meaningless scores, and a score without spread is left out. A diverged loss fails the run either way.</translation>
    </message>
    <message>
        <source>Training settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EL2N epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many trainings, scorings and studies run at the same time; the others wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued (%1 in line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EL2N as in the paper (10 seeds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 run cannot be resumed on its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 cannot be resumed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit scoring to Slurm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · on Slurm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most %1 training examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size %1 instead of %2, so that %3 examples give at least %4 steps per epoch (Training settings › Batch size sets it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label check (cross-validated): %1 folds · %2 · epochs: %3 · seeds: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find… set %1 (was %2): where the loss fell fastest; the lowest loss was at %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 examples × %2 epochs × %3 (%4, batch %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a long job?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This job is estimated to take about %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It trains %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It runs in the background and can be cancelled and resumed later. Start it now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch at which EL2N (and GraNd) are read: early in training, as the paper does. When only EL2N and GraNd are asked for, training stops there; the other scores need every epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores EL2N only, averaged over 10 independently trained seeds, read early in training (20 % of the epochs), as Paul et al. and Sorscher et al. do. Training stops at the EL2N epoch, and the seeds train together as far as the cores and memory allow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fairness audit by group: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedding map of run %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::MainWindow</name>
    <message>
        <source>PruneScope</source>
        <translation>PruneScope</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Opened %1</translation>
    </message>
    <message>
        <source>PruneScope — %1</source>
        <translation>PruneScope — %1</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>Cannot open %1</translation>
    </message>
    <message>
        <source>Cannot record the dataset in the store</source>
        <translation>Cannot record the dataset in the store</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Dataset</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Gallery</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Scores</translation>
    </message>
    <message>
        <source>Frontier</source>
        <translation>Frontier</translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation>Scaling</translation>
    </message>
    <message>
        <source>Fairness</source>
        <translation>Fairness</translation>
    </message>
    <message>
        <source>Theory</source>
        <translation>Theory</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>Runs in the store</source>
        <translation>Runs in the store</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>Cannot show the frontier study</source>
        <translation>Cannot show the frontier study</translation>
    </message>
    <message>
        <source>Cannot show the scaling study</source>
        <translation>Cannot show the scaling study</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Runs</translation>
    </message>
    <message>
        <source>Deleted run %1</source>
        <translation>Deleted run %1</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Run %1</translation>
    </message>
    <message>
        <source>The run is %1; only finished runs have results to show. Start the same job again to resume it.</source>
        <translation>The run is %1; only finished runs have results to show. Start the same job again to resume it.</translation>
    </message>
    <message>
        <source>(run %1)</source>
        <translation>(run %1)</translation>
    </message>
    <message>
        <source>Run %1 is a model trained for a study; its test error shows in that study&apos;s view.</source>
        <translation>Run %1 is a model trained for a study; its test error shows in that study&apos;s view.</translation>
    </message>
    <message>
        <source>Auditing %1… (the Jobs panel shows its progress; models the study trained come from the store)</source>
        <translation>Auditing %1… (the Jobs panel shows its progress; models the study trained come from the store)</translation>
    </message>
    <message>
        <source>Job failed</source>
        <translation>Job failed</translation>
    </message>
    <message>
        <source>Cannot read the store</source>
        <translation>Cannot read the store</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Open &amp;Fashion-MNIST</source>
        <translation>Open &amp;Fashion-MNIST</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>&amp;Open Dataset Folder…</source>
        <translation>&amp;Open Dataset Folder…</translation>
    </message>
    <message>
        <source>Open &amp;CSV Manifest…</source>
        <translation>Open &amp;CSV Manifest…</translation>
    </message>
    <message>
        <source>&amp;Recent Datasets</source>
        <translation>&amp;Recent Datasets</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Cannot use the store %1</source>
        <translation>Cannot use the store %1</translation>
    </message>
    <message>
        <source>The new language applies the next time PruneScope starts.</source>
        <translation>The new language applies the next time PruneScope starts.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Opening %1…</translation>
    </message>
    <message>
        <source>Open a dataset folder (IDX, CIFAR binary or class folders)</source>
        <translation>Open a dataset folder (IDX, CIFAR binary or class folders)</translation>
    </message>
    <message>
        <source>Open a CSV manifest</source>
        <translation>Open a CSV manifest</translation>
    </message>
    <message>
        <source>CSV manifests (*.csv)</source>
        <translation>CSV manifests (*.csv)</translation>
    </message>
    <message>
        <source>Reading the store…</source>
        <translation>Reading the store…</translation>
    </message>
    <message>
        <source>&amp;Import Scores…</source>
        <translation>&amp;Import Scores…</translation>
    </message>
    <message>
        <source>Import scores</source>
        <translation>Import scores</translation>
    </message>
    <message>
        <source>Open a dataset first: scores are imported for its training examples.</source>
        <translation>Open a dataset first: scores are imported for its training examples.</translation>
    </message>
    <message>
        <source>Import scores (one value per training example)</source>
        <translation>Import scores (one value per training example)</translation>
    </message>
    <message>
        <source>Scores (*.csv *.npy);;CSV (*.csv);;NumPy (*.npy)</source>
        <translation>Scores (*.csv *.npy);;CSV (*.csv);;NumPy (*.npy)</translation>
    </message>
    <message>
        <source>Name of the score:</source>
        <translation>Name of the score:</translation>
    </message>
    <message>
        <source>higher = harder</source>
        <translation>higher = harder</translation>
    </message>
    <message>
        <source>higher = easier</source>
        <translation>higher = easier</translation>
    </message>
    <message>
        <source>The file&apos;s values:</source>
        <translation>The file&apos;s values:</translation>
    </message>
    <message>
        <source>Cannot tag the examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1%] %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> (%n queued)</source>
        <translation>
            <numerusform> (%n queued)</numerusform>
            <numerusform> (%n queued)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scores and Policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About PruneScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit PruneScope?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) still running or queued. Quit anyway? Running jobs stop at once; what they finished stays in the store, and starting the same job again resumes them.</source>
        <translation>
            <numerusform>%n job still running or queued. Quit anyway? Running jobs stop at once; what they finished stays in the store, and starting the same job again resumes them.</numerusform>
            <numerusform>%n jobs still running or queued. Quit anyway? Running jobs stop at once; what they finished stays in the store, and starting the same job again resumes them.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Export Report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slurm arrays keep running on the cluster: their merge jobs bring the results into the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <source>Stop opening the dataset (the files read so far are remembered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1: %2 (%3 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped opening %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::MapView</name>
    <message>
        <source>The run whose stored embedding the map lays out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished">Class</translation>
    </message>
    <message>
        <source>Predicted class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mislabel flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept / pruned (gallery&apos;s policy and fraction)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lay out map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PCA to 50 dimensions, then a UMAP-like layout of the k nearest neighbours (McInnes et al. 2018), as a job; the map is cached in the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untick an entry to hide its points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hover a point to see the example.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedding of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run of this dataset stored an embedding. A scoring run stores the embedding it computed (prunescope-cli score, or the job panel); imported scores have none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No map of this run yet: Lay out map computes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 examples · laid out in %2 s%3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (a sample of %1, the rest placed at their nearest sampled neighbours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wheel: zoom · drag: lasso · Ctrl+drag: box · Shift+drag: pan · double-click: whole map</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n selected on the map&lt;/b&gt; (the gallery&apos;s selection)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n selected in the gallery&lt;/b&gt;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ps::ui::PlanPanel</name>
    <message>
        <source>keep hard</source>
        <translation type="unfinished">keep hard</translation>
    </message>
    <message>
        <source>keep easy</source>
        <translation type="unfinished">keep easy</translation>
    </message>
    <message>
        <source>random</source>
        <translation type="unfinished">random</translation>
    </message>
    <message>
        <source>a budget of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a target test error of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples available before pruning (the pool)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test error to reach: the plan needing the fewest examples before pruning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pruning plan for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theory, for comparison only (not this dataset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulating the perceptron…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No study to plan from: run a scaling or frontier study first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>α_tot (examples per dimension)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optimal f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tie (within noise)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher-student perceptron (Sorscher et al. 2022, Fig. 1), N = %1, %2 trials, simulated: with few examples per dimension keeping the easy examples wins; with many, the hard ones. A policy is shown as winning only where it beats the runner-up by more than 2 standard errors over the trials; elsewhere the simulation calls it a tie. It says nothing about this dataset&apos;s numbers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::ReportExport</name>
    <message>
        <source>Open a dataset first: the report covers its studies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the study report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::RunTreeModel</name>
    <message>
        <source>running</source>
        <translation type="unfinished">running</translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished">done</translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished">failed</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished">interrupted</translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished">Run</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished">Kind</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished">Settings</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished">Seed</translation>
    </message>
    <message>
        <source>Time taken</source>
        <translation type="unfinished">Time taken</translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished">Started</translation>
    </message>
</context>
<context>
    <name>ps::ui::RunsPanel</name>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Show the run&apos;s results in its view</source>
        <translation>Show the run&apos;s results in its view</translation>
    </message>
    <message>
        <source>Delete run</source>
        <translation>Delete run</translation>
    </message>
    <message>
        <source>Run %1 is still running: cancel its job first.</source>
        <translation>Run %1 is still running: cancel its job first.</translation>
    </message>
    <message>
        <source>Delete %1 run %2 (%3) and everything it stored? This cannot be undone.</source>
        <translation>Delete %1 run %2 (%3) and everything it stored? This cannot be undone.</translation>
    </message>
    <message>
        <source>Select a run to see its training curves.</source>
        <translation>Select a run to see its training curves.</translation>
    </message>
    <message>
        <source>Training curves</source>
        <translation>Training curves</translation>
    </message>
    <message>
        <source>Run %1 (%2): %3</source>
        <translation>Run %1 (%2): %3</translation>
    </message>
    <message>
        <source>Its training curves cannot be read: %1</source>
        <translation>Its training curves cannot be read: %1</translation>
    </message>
    <message>
        <source>It stored no training curves (imports, and runs from before PruneScope 0.2, have none).</source>
        <translation>It stored no training curves (imports, and runs from before PruneScope 0.2, have none).</translation>
    </message>
    <message>
        <source>%1 after epoch %2: loss %3, train accuracy %4 (balanced %5, chance %6)</source>
        <translation>%1 after epoch %2: loss %3, train accuracy %4 (balanced %5, chance %6)</translation>
    </message>
    <message>
        <source>Training curves of run %1</source>
        <translation>Training curves of run %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished">Resume</translation>
    </message>
    <message>
        <source>Start an interrupted or failed run again from its stored settings: it continues from its last checkpoint (a model trained by a study resumes its study)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::ScalingView</name>
    <message>
        <source>No scaling study yet: start one in the Jobs panel (Scaling tab).</source>
        <translation>No scaling study yet: start one in the Jobs panel (Scaling tab).</translation>
    </message>
    <message>
        <source>run %1 · %2</source>
        <translation>run %1 · %2</translation>
    </message>
    <message>
        <source>f = %1: %2</source>
        <translation>f = %1: %2</translation>
    </message>
    <message>
        <source>Legend: b is the fitted exponent of err = a·n^(−b) (+ c), ± its standard error.</source>
        <translation>Legend: b is the fitted exponent of err = a·n^(−b) (+ c), ± its standard error.</translation>
    </message>
    <message>
        <source>log x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test error against examples kept (%1); lines: fitted power laws</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Envelope (%1): %2; %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best over every policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep-%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::ScoreCatalog</name>
    <message>
        <source>%1 (run %2)</source>
        <translation>%1 (run %2)</translation>
    </message>
    <message>
        <source>seed-to-seed rank correlation ρ = %1 (mean over seed pairs)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::ScoreView</name>
    <message>
        <source>Top-k overlap: k is this fraction of the examples every score covers</source>
        <translation>Top-k overlap: k is this fraction of the examples every score covers</translation>
    </message>
    <message>
        <source>Distribution per class</source>
        <translation>Distribution per class</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Bins</source>
        <translation>Bins</translation>
    </message>
    <message>
        <source>Agreement between scores</source>
        <translation>Agreement between scores</translation>
    </message>
    <message>
        <source>Top fraction</source>
        <translation>Top fraction</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Spearman rank correlation</source>
        <translation>Spearman rank correlation</translation>
    </message>
    <message>
        <source>Export the agreement</source>
        <translation>Export the agreement</translation>
    </message>
    <message>
        <source>CSV data (*.csv)</source>
        <translation>CSV data (*.csv)</translation>
    </message>
    <message>
        <source>Needs at least two cached scores.</source>
        <translation>Needs at least two cached scores.</translation>
    </message>
    <message>
        <source>difficulty (%1, higher = harder)</source>
        <translation>difficulty (%1, higher = harder)</translation>
    </message>
    <message>
        <source>examples per bin</source>
        <translation>examples per bin</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>no agreement to export: it needs at least two cached scores</source>
        <translation>no agreement to export: it needs at least two cached scores</translation>
    </message>
    <message>
        <source>every class, side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished">Class</translation>
    </message>
    <message>
        <source>top-k overlap (share of the k hardest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two scores against each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all classes, scaled to this class&apos;s size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the %1 training examples every score covers; k = %2 (the hardest %3 %). Hover a cell for both numbers; click it for the scatter of the two.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs a cached score.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 examples both scores cover; darker cells hold more (log scale). Click a point to open the example.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How well the seeds&apos; scores agree: the mean Spearman correlation between every two seeds (the paper averages EL2N over 10 seeds because one model&apos;s is noisy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare every run&apos;s scores, or the scores of one run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every run&apos;s scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1 (%2 scores) · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every class (table)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>A new language applies the next time PruneScope starts.</source>
        <translation>A new language applies the next time PruneScope starts.</translation>
    </message>
    <message>
        <source>Store file</source>
        <translation>Store file</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>SQLite stores (*.sqlite *.db);;All files (*)</source>
        <translation>SQLite stores (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>The new language applies when PruneScope starts again. Restart now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::SlurmArrayJob</name>
    <message>
        <source>array cancelled (scancel); resume submits the unfinished tasks again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every task finished: merging the shards into the store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merged into the store: %1 runs added, %2 already there, %3 seeds added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>planning and submitting to Slurm…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>submitted: array job %1 (%n tasks), merge job %2 · %3</source>
        <translation>
            <numerusform>submitted: array job %1 (%n task), merge job %2 · %3</numerusform>
            <numerusform>submitted: array job %1 (%n tasks), merge job %2 · %3</numerusform>
        </translation>
    </message>
    <message>
        <source>resubmitted tasks %1: array job %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 tasks finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: resubmit them or cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::SlurmForm</name>
    <message>
        <source>this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slurm cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slurm partition (empty: the default one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slurm account to charge (empty: your default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPUs per task (0: none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU cores per task: its training threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit of one task, HH:MM:SS or D-HH:MM:SS (empty: the partition&apos;s default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most this many tasks of the array at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next to the store, in slurm/</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder every node sees: the plan, its scripts, the shards and the logs go there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prunescope-cli as the nodes run it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPUs / task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPUs / task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throttle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan folder and program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prunescope-cli</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit the work as a Slurm job array, one task per seed or study point, and merge the results into the store when it is done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sbatch not found on PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prunescope-cli &apos;%1&apos; is not a program: give the path the nodes run it from</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::StudyForm</name>
    <message>
        <source>The cached score the study prunes by (run a scoring job first)</source>
        <translation>The cached score the study prunes by (run a scoring job first)</translation>
    </message>
    <message>
        <source>Start frontier study</source>
        <translation>Start frontier study</translation>
    </message>
    <message>
        <source>Start scaling study</source>
        <translation>Start scaling study</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Training settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other scores of the same scoring run: their policies are trained and drawn on the same frontier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: no other score in that run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit frontier study to Slurm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit scaling study to Slurm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most %1 test examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most %1 scored examples</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::StudyRunView</name>
    <message>
        <source>Study</source>
        <translation>Study</translation>
    </message>
</context>
<context>
    <name>ps::ui::TheoryView</name>
    <message>
        <source>keep hard</source>
        <translation>keep hard</translation>
    </message>
    <message>
        <source>keep easy</source>
        <translation>keep easy</translation>
    </message>
    <message>
        <source>random</source>
        <translation>random</translation>
    </message>
    <message>
        <source>Dimension N</source>
        <translation>Dimension N</translation>
    </message>
    <message>
        <source>α_tot (examples / N)</source>
        <translation>α_tot (examples / N)</translation>
    </message>
    <message>
        <source>Kept fractions f</source>
        <translation>Kept fractions f</translation>
    </message>
    <message>
        <source>Probe angle θ</source>
        <translation>Probe angle θ</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>Trials</translation>
    </message>
    <message>
        <source>%1 points, %2 trials each</source>
        <translation>%1 points, %2 trials each</translation>
    </message>
    <message>
        <source>Simulation failed: %1</source>
        <translation>Simulation failed: %1</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b00&apos;&gt;%1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Simulating…</source>
        <translation>Simulating…</translation>
    </message>
    <message>
        <source>Perceptron: test error against α_prune = f · α_tot (θ = %1°)</source>
        <translation>Perceptron: test error against α_prune = f · α_tot (θ = %1°)</translation>
    </message>
    <message>
        <source>α_prune (examples kept per dimension)</source>
        <translation>α_prune (examples kept per dimension)</translation>
    </message>
    <message>
        <source>test error</source>
        <translation>test error</translation>
    </message>
    <message>
        <source>%1, f = %2</source>
        <translation>%1, f = %2</translation>
    </message>
    <message>
        <source>Pareto frontier</source>
        <translation>Pareto frontier</translation>
    </message>
    <message>
        <source>log α axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log error axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples per dimension, comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept fractions f, comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
