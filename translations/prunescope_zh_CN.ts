<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Help</name>
    <message>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>What it measures (higher = harder)</source>
        <translation>衡量的内容（越高越难）</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考文献</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Pruning policies</source>
        <translation>剪枝策略</translation>
    </message>
    <message>
        <source>&lt;b&gt;class-balanced&lt;/b&gt;: each class keeps the same fraction f (a quota), so no class is emptied.</source>
        <translation>&lt;b&gt;类别均衡&lt;/b&gt;：每个类别保留相同的比例 f（配额），因此不会有类别被清空。</translation>
    </message>
    <message>
        <source>Pitfalls</source>
        <translation>注意事项</translation>
    </message>
    <message>
        <source>The very hardest examples are often mislabelled: look at them in the gallery (the likely-mislabelled filter) and tag them, or cut the extreme tail (CCS β).</source>
        <translation>最难的样本常常是标错的：在图库中查看它们（“疑似标错”筛选）并加以标记，或剪掉极端尾部（CCS β）。</translation>
    </message>
    <message>
        <source>Pruning by score can empty some classes: audit per class (click a frontier point) and use class balance.</source>
        <translation>按分数剪枝可能清空某些类别：按类别审计（单击前沿上的点）并使用类别均衡。</translation>
    </message>
    <message>
        <source>EL2N is noisy from one model: average several seeds early in training (the paper: ~epoch 20 of 200 on CIFAR-10, ≥ 10 seeds).</source>
        <translation>单个模型的 EL2N 噪声较大：在训练早期对多个种子取平均（论文：CIFAR-10 上 200 轮中的约第 20 轮，≥ 10 个种子）。</translation>
    </message>
    <message>
        <source>Scores and policies</source>
        <translation>分数与策略</translation>
    </message>
    <message>
        <source>About PruneScope</source>
        <translation>关于 PruneScope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PruneScope %1&lt;/h3&gt;&lt;p&gt;A workbench for data pruning: score every training example by difficulty, look at the easiest and hardest, train on pruned subsets, and see whether pruning beats power-law scaling on your data.&lt;/p&gt;&lt;p&gt;After Sorscher, Geirhos, Shekhar, Ganguli, Morcos: &lt;i&gt;Beyond neural scaling laws: beating power law scaling via data pruning&lt;/i&gt; (NeurIPS 2022).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PruneScope %1&lt;/h3&gt;&lt;p&gt;数据剪枝工作台：按难度为每个训练样本打分，查看最容易和最困难的样本，在剪枝后的子集上训练，并检验剪枝能否在您的数据上超越幂律规模律。&lt;/p&gt;&lt;p&gt;依据 Sorscher、Geirhos、Shekhar、Ganguli、Morcos：&lt;i&gt;Beyond neural scaling laws: beating power law scaling via data pruning&lt;/i&gt;（NeurIPS 2022）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Keep hard is best when data is plentiful (large α_tot): Sorscher et al. show it can beat power-law scaling. Keep easy is best when data is scarce (small α_tot).</source>
        <translation>数据充足时（α_tot 大）保留困难样本最好：Sorscher 等人表明它可以超越幂律缩放。数据稀缺时（α_tot 小）保留简单样本最好。</translation>
    </message>
    <message>
        <source>Random is a strong baseline at small kept fractions.</source>
        <translation>在保留比例较小时，随机是一个强基线。</translation>
    </message>
    <message>
        <source>CCS first cuts the hardest β (often mislabelled), then samples evenly across the difficulty range.</source>
        <translation>CCS 先去掉最难的 β（常为错误标注），再在难度范围内均匀抽样。</translation>
    </message>
</context>
<context>
    <name>JobPanel</name>
    <message>
        <source>%1
Training: %2</source>
        <translation>%1
训练：%2</translation>
    </message>
</context>
<context>
    <name>Policy</name>
    <message>
        <source>keep hardest</source>
        <translation>保留最难</translation>
    </message>
    <message>
        <source>keep the hardest examples (after dropping the hardest beta)</source>
        <translation>保留最难的样本（先去掉最难的 beta）</translation>
    </message>
    <message>
        <source>keep easiest</source>
        <translation>保留最简单</translation>
    </message>
    <message>
        <source>keep the easiest examples</source>
        <translation>保留最简单的样本</translation>
    </message>
    <message>
        <source>keep random</source>
        <translation>随机保留</translation>
    </message>
    <message>
        <source>keep a uniform random sample (seeded): the baseline every pruning must beat</source>
        <translation>保留均匀随机样本（带种子）：任何剪枝都必须超过的基线</translation>
    </message>
    <message>
        <source>coverage-centric (CCS)</source>
        <translation>覆盖中心（CCS）</translation>
    </message>
    <message>
        <source>coverage-centric: drop the hardest beta, then sample evenly across score strata</source>
        <translation>覆盖中心：去掉最难的 beta，再在各分数层中均匀抽样</translation>
    </message>
    <message>
        <source>robust (DRoP)</source>
        <translation>稳健（DRoP）</translation>
    </message>
    <message>
        <source>class quotas growing with the class&apos;s error of a model trained with the recipe on 80 % of each class and measured on the 20 % held out (drawn with the seed), then random within class</source>
        <translation>类别配额随该类的错误率增长：模型用配方在每类 80 % 的样本上训练，在留出的 20 % 上测量（按种子抽取），然后在类内随机选取</translation>
    </message>
    <message>
        <source>group-balanced</source>
        <translation>按组平衡</translation>
    </message>
    <message>
        <source>every group (class x the dataset&apos;s attributes) keeps the same fraction, its hardest</source>
        <translation>每个组（类别 × 数据集的属性）保留相同比例，保留其最难的样本</translation>
    </message>
    <message>
        <source>semantic dedup (SemDeDup)</source>
        <translation>语义去重（SemDeDup）</translation>
    </message>
    <message>
        <source>inside each k-means cluster of the embedding, keep one of every group of examples closer than 1 - epsilon (the one farthest from the centroid); with a kept fraction, drop the most redundant first (needs the semdedup score)</source>
        <translation>在嵌入的每个 k-means 簇内，对相似度高于 1 - epsilon 的每组样本只保留一个（离质心最远的那个）；给定保留比例时，先去掉最冗余的样本（需要 semdedup 分数）</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1 f=%2</source>
        <translation>%1 f=%2</translation>
    </message>
    <message>
        <source>this chart has no data to export yet</source>
        <translation>此图表尚无可导出的数据</translation>
    </message>
    <message>
        <source>unknown file type; expected .png, .svg or .csv</source>
        <translation>未知的文件类型；应为 .png、.svg 或 .csv</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;CSV data (*.csv)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg);;CSV 数据 (*.csv)</translation>
    </message>
    <message>
        <source>kept fraction f</source>
        <translation>保留比例 f</translation>
    </message>
    <message>
        <source>test error</source>
        <translation>测试误差</translation>
    </message>
    <message>
        <source>keep %1 (%2)</source>
        <translation>保留%1（%2）</translation>
    </message>
    <message>
        <source>Pareto frontier</source>
        <translation>帕累托前沿</translation>
    </message>
    <message>
        <source>training examples kept</source>
        <translation>保留的训练样本数</translation>
    </message>
    <message>
        <source>: b = %1 ± %2</source>
        <translation>：b = %1 ± %2</translation>
    </message>
    <message>
        <source>all data (f=1)</source>
        <translation>全部数据（f=1）</translation>
    </message>
    <message>
        <source>keep %1 f=%2</source>
        <translation>保留%1 f=%2</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>accuracy, error</source>
        <translation>准确率、误差</translation>
    </message>
    <message>
        <source>%1 · loss</source>
        <translation>%1 · 损失</translation>
    </message>
    <message>
        <source>%1 · train accuracy</source>
        <translation>%1 · 训练准确率</translation>
    </message>
    <message>
        <source>%1 · test error</source>
        <translation>%1 · 测试误差</translation>
    </message>
    <message>
        <source>chance (balanced accuracy)</source>
        <translation>随机水平（平衡准确率）</translation>
    </message>
    <message>
        <source>the window could not be encoded as PNG</source>
        <translation>无法将窗口编码为 PNG</translation>
    </message>
    <message>
        <source>cannot draw the picture</source>
        <translation>无法绘制图像</translation>
    </message>
    <message>
        <source>screen (96 dpi)</source>
        <translation>屏幕（96 dpi）</translation>
    </message>
    <message>
        <source>print (150 dpi)</source>
        <translation>打印（150 dpi）</translation>
    </message>
    <message>
        <source>publication (300 dpi)</source>
        <translation>出版（300 dpi）</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>分辨率：</translation>
    </message>
    <message>
        <source>Save the chart as PNG (at a chosen resolution) or SVG, or its data as CSV</source>
        <translation>将图表保存为 PNG（可选分辨率）或 SVG，或将其数据保存为 CSV</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>envelope: best f and policy per pool</source>
        <translation>包络线：每个数据池的最佳 f 与策略</translation>
    </message>
    <message>
        <source>envelope: best f per pool, keep-%1</source>
        <translation>包络线：每个数据池的最佳 f，保留%1</translation>
    </message>
    <message>
        <source>envelope fit: %1</source>
        <translation>包络线拟合：%1</translation>
    </message>
    <message>
        <source>: b = %1 (too few points for a standard error)</source>
        <translation>：b = %1（点数太少，无法给出标准误差）</translation>
    </message>
    <message>
        <source>time not estimated</source>
        <translation>未估计时间</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>约 %1</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Exact duplicates only: this build has no FAISS for near ones.</source>
        <translation>仅精确重复：此构建没有 FAISS，无法查找近似重复。</translation>
    </message>
    <message>
        <source>Exact duplicates only: the store holds no embedding of this dataset. Run prunescope-cli duplicates, or a prototype score, for near ones.</source>
        <translation>仅精确重复：存储中没有此数据集的嵌入。运行 prunescope-cli duplicates 或原型分数以查找近似重复。</translation>
    </message>
    <message>
        <source>Exact: identical pixels. Near: cosine similarity ≥ %1 in the %2 embedding of run %3 (%4).</source>
        <translation>精确：像素完全相同。近似：在运行 %3 的 %2 嵌入中余弦相似度 ≥ %1（%4）。</translation>
    </message>
    <message>
        <source>decile %1: %2 to %3</source>
        <translation>第 %1 个十分位：%2 至 %3</translation>
    </message>
    <message>
        <source>decile %1: none</source>
        <translation>第 %1 个十分位：无</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>&lt;b&gt;#%1&lt;/b&gt; · %2&lt;br&gt;map (%3, %4)</source>
        <translation>&lt;b&gt;#%1&lt;/b&gt; · %2&lt;br&gt;图上位置 (%3, %4)</translation>
    </message>
</context>
<context>
    <name>Setting</name>
    <message>
        <source>Kept fraction</source>
        <translation>保留比例</translation>
    </message>
    <message>
        <source>Kept fraction f</source>
        <translation>保留比例 f</translation>
    </message>
    <message>
        <source>Hardest dropped</source>
        <translation>先去掉的最难部分</translation>
    </message>
    <message>
        <source>Hard and CCS: drop this fraction of the hardest first</source>
        <translation>困难与 CCS：先去掉这一比例的最难样本</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>CCS strata</source>
        <translation>CCS 分层数</translation>
    </message>
    <message>
        <source>CCS: number of score strata</source>
        <translation>CCS：分数分层的数目</translation>
    </message>
    <message>
        <source>Pruning seed</source>
        <translation>剪枝种子</translation>
    </message>
    <message>
        <source>Seed of random and CCS sampling</source>
        <translation>随机与 CCS 抽样的种子</translation>
    </message>
    <message>
        <source>Dedup epsilon</source>
        <translation>去重 epsilon</translation>
    </message>
    <message>
        <source>dedup: keep SemDeDup&apos;s set, one of every group closer than 1 - epsilon (instead of the kept fraction)</source>
        <translation>dedup：保留 SemDeDup 的集合，相似度高于 1 - epsilon 的每组样本只保留一个（代替保留比例）</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>class-balanced</source>
        <translation>类别均衡</translation>
    </message>
    <message>
        <source>Class-balanced policies</source>
        <translation>类别均衡的策略</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Comma-separated scores (higher = harder)</source>
        <translation>逗号分隔的分数（越高越难）</translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation>种子数</translation>
    </message>
    <message>
        <source>Independent training runs to average over</source>
        <translation>用于平均的独立训练次数</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Score only the first N training examples (0 = all)</source>
        <translation>只对前 N 个训练样本评分（0 = 全部）</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>EL2N epoch</source>
        <translation>EL2N 轮次</translation>
    </message>
    <message>
        <source>Epoch of EL2N (default: 20% of training)</source>
        <translation>读取 EL2N 的轮次（默认：训练的 20%）</translation>
    </message>
    <message>
        <source>auto (20 % of training)</source>
        <translation>自动（训练的 20%）</translation>
    </message>
    <message>
        <source>GraNd epoch</source>
        <translation>GraNd 轮次</translation>
    </message>
    <message>
        <source>Epoch of GraNd; 0 = at initialisation (default: EL2N&apos;s)</source>
        <translation>读取 GraNd 的轮次；0 = 初始化时（默认：与 EL2N 相同）</translation>
    </message>
    <message>
        <source>auto (EL2N&apos;s)</source>
        <translation>自动（与 EL2N 相同）</translation>
    </message>
    <message>
        <source>Prototype k</source>
        <translation>原型 k</translation>
    </message>
    <message>
        <source>k of the class-agnostic k-means</source>
        <translation>与类别无关的 k-means 的 k</translation>
    </message>
    <message>
        <source>Prototype k per class</source>
        <translation>每类原型 k</translation>
    </message>
    <message>
        <source>k per class (1 = class centroid)</source>
        <translation>每类的 k（1 = 类中心）</translation>
    </message>
    <message>
        <source>Prototype embedding</source>
        <translation>原型嵌入</translation>
    </message>
    <message>
        <source>classifier (penultimate layer), ssl (built-in self-supervised encoder), or a TorchScript encoder file</source>
        <translation>classifier（倒数第二层）、ssl（内置自监督编码器）或 TorchScript 编码器文件</translation>
    </message>
    <message>
        <source>Encoder epochs</source>
        <translation>编码器轮次</translation>
    </message>
    <message>
        <source>Epochs of the self-supervised encoder</source>
        <translation>自监督编码器的训练轮次</translation>
    </message>
    <message>
        <source>SemDeDup clusters</source>
        <translation>SemDeDup 簇数</translation>
    </message>
    <message>
        <source>Clusters of semdedup&apos;s k-means (0 = one per 8800 examples, the cluster size of SemDeDup&apos;s 50 000 clusters on LAION-440M)</source>
        <translation>semdedup 的 k-means 簇数（0 = 每 8800 个样本一个簇，即 SemDeDup 在 LAION-440M 上 50 000 个簇的大小）</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Comma-separated pruning policies</source>
        <translation>逗号分隔的剪枝策略</translation>
    </message>
    <message>
        <source>Kept fractions</source>
        <translation>保留比例</translation>
    </message>
    <message>
        <source>Kept fractions f, ascending, each in (0, 1]</source>
        <translation>保留比例 f，升序，均在 (0, 1] 内</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>epochs: equal epochs; steps: equal optimisation steps</source>
        <translation>epochs：相同轮次；steps：相同优化步数</translation>
    </message>
    <message>
        <source>Repeats per point (training seed, and random&apos;s subset seed)</source>
        <translation>每个点的重复次数（训练种子，以及随机策略的子集种子）</translation>
    </message>
    <message>
        <source>Test examples</source>
        <translation>测试样本</translation>
    </message>
    <message>
        <source>Evaluate on the first N test examples (0 = all)</source>
        <translation>只在前 N 个测试样本上评估（0 = 全部）</translation>
    </message>
    <message>
        <source>Smallest pool</source>
        <translation>最小样本池</translation>
    </message>
    <message>
        <source>Smallest pool of training examples; pools grow geometrically to all scored examples</source>
        <translation>最小的训练样本池；样本池按几何级数增长到全部已评分样本</translation>
    </message>
    <message>
        <source>Pool sizes</source>
        <translation>样本池数目</translation>
    </message>
    <message>
        <source>Sizes in the geometric grid</source>
        <translation>几何网格中的规模数</translation>
    </message>
    <message>
        <source>Sizes</source>
        <translation>规模</translation>
    </message>
    <message>
        <source>Ascending pool sizes (default: geometric grid)</source>
        <translation>升序的样本池规模（默认：几何网格）</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>small_cnn, resnet18, small_cnn_nobn, or a TorchScript file (.pt)</source>
        <translation>small_cnn、resnet18、small_cnn_nobn 或 TorchScript 文件（.pt）</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Training epochs</source>
        <translation>训练轮次</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Batch size (when not given, lowered for small training sets to give at least 20 steps per epoch)</source>
        <translation>批大小（未指定时，小训练集会调低以保证每轮至少 20 步）</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Peak learning rate (SGD)</source>
        <translation>峰值学习率（SGD）</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>SGD momentum</source>
        <translation>SGD 动量</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>Learning-rate schedule after the warm-up</source>
        <translation>预热之后的学习率调度</translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation>预热</translation>
    </message>
    <message>
        <source>Linear learning-rate warm-up, as a fraction of training</source>
        <translation>线性学习率预热，占训练的比例</translation>
    </message>
    <message>
        <source>Gradient clip</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <source>Clip the gradient&apos;s L2 norm to this (0 = off)</source>
        <translation>将梯度的 L2 范数裁剪到此值（0 = 关）</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>数据增强</translation>
    </message>
    <message>
        <source>Random crops with padding (and flips where allowed) while training</source>
        <translation>训练时带填充的随机裁剪（允许时加水平翻转）</translation>
    </message>
    <message>
        <source>Flips</source>
        <translation>翻转</translation>
    </message>
    <message>
        <source>Horizontal flips; auto: not for digits</source>
        <translation>水平翻转；auto：数字不翻转</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>First seed</source>
        <translation>第一个种子</translation>
    </message>
    <message>
        <source>Health checks</source>
        <translation>健康检查</translation>
    </message>
    <message>
        <source>Fail a run whose model did not learn, and leave out a score without spread (recorded with the run); a diverged loss fails the run either way</source>
        <translation>模型没有学会时让运行失败，并去掉没有分散度的分数（与运行一起记录）；损失发散时运行总会失败</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>CPU threads (0 = every core)</source>
        <translation>CPU 线程（0 = 所有核心）</translation>
    </message>
    <message>
        <source>every core</source>
        <translation>所有核心</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>auto (a GPU when there is one), cpu, cuda or cuda:N</source>
        <translation>auto（有 GPU 时用 GPU）、cpu、cuda 或 cuda:N</translation>
    </message>
</context>
<context>
    <name>SlurmJobRow</name>
    <message>
        <source>not submitted</source>
        <translation>未提交</translation>
    </message>
    <message>
        <source>gone from the queue</source>
        <translation>已不在队列中</translation>
    </message>
    <message>
        <source>task %1 · %2 · %3</source>
        <translation>子任务 %1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 · result in its shard</source>
        <translation>%1 · 结果已在其分片中</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>finished, result in its shard</source>
        <translation>已完成，结果在其分片中</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more to resubmit</source>
        <translation>
            <numerusform>…… 另有 %n 个需要重新提交</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: task %2</source>
        <translation>%1：子任务 %2</translation>
    </message>
    <message>
        <source>%1: tasks %2</source>
        <translation>%1：子任务 %2</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>…… 另有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>plan folder: %1</source>
        <translation>计划文件夹：%1</translation>
    </message>
    <message>
        <source>Each task of the array: its Slurm state and whether its shard holds its result</source>
        <translation>作业数组的每个子任务：其 Slurm 状态，以及其分片是否已存有结果</translation>
    </message>
    <message>
        <source>Resubmit failed</source>
        <translation>重新提交失败的子任务</translation>
    </message>
    <message>
        <source>Submit again the tasks that failed, were cancelled or timed out (with a new merge job)</source>
        <translation>重新提交失败、被取消或超时的子任务（并附带一个新的合并作业）</translation>
    </message>
    <message>
        <source>Cancel the array and its merge job (scancel); shards already done stay</source>
        <translation>取消作业数组及其合并作业（scancel）；已完成的分片会保留</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>%1h%2m</source>
        <comment>duration</comment>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1m%2s</source>
        <comment>duration</comment>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1s</source>
        <comment>duration</comment>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>hard</source>
        <comment>policy</comment>
        <translation>困难样本</translation>
    </message>
    <message>
        <source>easy</source>
        <comment>policy</comment>
        <translation>简单样本</translation>
    </message>
    <message>
        <source>random</source>
        <comment>policy</comment>
        <translation>随机</translation>
    </message>
    <message>
        <source>CCS</source>
        <comment>policy</comment>
        <translation>CCS</translation>
    </message>
    <message>
        <source>%1 at f = %2</source>
        <translation>%1，f = %2</translation>
    </message>
    <message>
        <source>keep %1 at f = %2</source>
        <translation>保留%1，f = %2</translation>
    </message>
    <message>
        <source>score</source>
        <comment>run kind</comment>
        <translation>打分</translation>
    </message>
    <message>
        <source>frontier</source>
        <comment>run kind</comment>
        <translation>前沿</translation>
    </message>
    <message>
        <source>scaling</source>
        <comment>run kind</comment>
        <translation>规模律</translation>
    </message>
    <message>
        <source>train</source>
        <comment>run kind</comment>
        <translation>训练</translation>
    </message>
    <message>
        <source>import</source>
        <comment>run kind</comment>
        <translation>导入</translation>
    </message>
    <message>
        <source>audit</source>
        <comment>run kind</comment>
        <translation>审计</translation>
    </message>
    <message>
        <source>, class-balanced</source>
        <translation>，类别均衡</translation>
    </message>
    <message>
        <source>%1 epochs</source>
        <translation>%1 轮</translation>
    </message>
    <message>
        <source>lr %1</source>
        <translation>学习率 %1</translation>
    </message>
    <message>
        <source>no health checks</source>
        <translation>不做健康检查</translation>
    </message>
    <message>
        <source>1 seed</source>
        <translation>1 个种子</translation>
    </message>
    <message>
        <source>%1 seeds</source>
        <translation>%1 个种子</translation>
    </message>
    <message>
        <source>first %1 examples</source>
        <translation>前 %1 个样本</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1，来自 %2</translation>
    </message>
    <message>
        <source>%1 examples</source>
        <translation>%1 个样本</translation>
    </message>
    <message>
        <source>(run %1)</source>
        <translation>（运行 %1）</translation>
    </message>
    <message>
        <source>class-balanced</source>
        <translation>类别均衡</translation>
    </message>
    <message>
        <source>%1 (one seed: no spread measured)</source>
        <translation>%1（仅一个种子：未测量离散度）</translation>
    </message>
    <message>
        <source>%1 +- %2 (spread across %3 seeds)</source>
        <translation>%1 ± %2（%3 个种子间的离散度）</translation>
    </message>
    <message>
        <source>(one seed: no spread measured)</source>
        <translation>（仅一个种子：未测量离散度）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>永不</translation>
    </message>
    <message>
        <source>(%1 to %2 within the spread across %3 seeds)</source>
        <translation>（在 %3 个种子的离散度内为 %1 至 %2）</translation>
    </message>
    <message>
        <source>no pruning (f = 1)</source>
        <translation>不剪枝（f = 1）</translation>
    </message>
    <message>
        <source>%1 pruning at f = %2</source>
        <translation>%1剪枝（f = %2）</translation>
    </message>
    <message>
        <source>keep-%1 by %2 at f = %3</source>
        <translation>按 %2 保留%1（f = %3）</translation>
    </message>
    <message>
        <source>scaling run %1</source>
        <translation>规模律运行 %1</translation>
    </message>
    <message>
        <source>frontier run %1</source>
        <translation>前沿运行 %1</translation>
    </message>
    <message>
        <source>nothing measured applies at %1 examples: the frontier studies measured only their own pool sizes; a scaling study covers a range of them</source>
        <translation>没有适用于 %1 个样本的测量结果：前沿研究只测量了各自的数据池大小；规模律研究覆盖一系列大小</translation>
    </message>
    <message>
        <source>For %1 examples before pruning, the best measured choice is %2: expected test error %3, training on %4 examples.</source>
        <translation>剪枝前有 %1 个样本时，测得的最佳选择是%2：预计测试误差 %3，用 %4 个样本训练。</translation>
    </message>
    <message>
        <source>Pruning is not expected to help here: the best pruned choice, %1, gives %2.</source>
        <translation>此处剪枝预计没有帮助：最佳剪枝选择%1的误差为 %2。</translation>
    </message>
    <message>
        <source>Without pruning: %1; gain %2 (%3% lower error).</source>
        <translation>不剪枝：%1；提升 %2（误差降低 %3%）。</translation>
    </message>
    <message>
        <source>No f = 1 curve applies here: the gain over not pruning is unknown.</source>
        <translation>此处没有适用的 f = 1 曲线：相对不剪枝的提升未知。</translation>
    </message>
    <message>
        <source>With one seed per point the ranking has no interval: more seeds would say how sure it is.</source>
        <translation>每个点只有一个种子，排序没有区间：更多种子才能说明其可靠程度。</translation>
    </message>
    <message>
        <source>The runner-up, %1 at %2, overlaps that interval: the data do not single out one choice.</source>
        <translation>第二名%1（%2）与该区间重叠：数据无法确定唯一的最佳选择。</translation>
    </message>
    <message>
        <source>%1 examples is OUTSIDE the measured pools (%2 to %3): these numbers extrapolate power laws and may be wrong.</source>
        <translation>%1 个样本在测量的数据池范围（%2 至 %3）之外：这些数值由幂律外推，可能有误。</translation>
    </message>
    <message>
        <source>no measured curve reaches a test error of %1 (each needs 2 or more pool sizes and an error that falls with more data)</source>
        <translation>没有测得的曲线能达到 %1 的测试误差（每条曲线需要 2 个或更多数据池大小，且误差随数据增多而下降）</translation>
    </message>
    <message>
        <source>To reach a test error of %1, the choice needing the fewest examples is %2: about %3 examples before pruning %4, training on %5.</source>
        <translation>要达到 %1 的测试误差，所需样本最少的选择是%2：剪枝前约 %3 个样本%4，用 %5 个样本训练。</translation>
    </message>
    <message>
        <source>Pruning is not expected to help here: the best pruned choice, %1, needs about %2 examples before pruning.</source>
        <translation>此处剪枝预计没有帮助：最佳剪枝选择%1在剪枝前约需 %2 个样本。</translation>
    </message>
    <message>
        <source>Without pruning: about %1 examples (%2 times as many).</source>
        <translation>不剪枝：约 %1 个样本（%2 倍）。</translation>
    </message>
    <message>
        <source>No f = 1 curve reaches it: the gain over not pruning is unknown.</source>
        <translation>没有 f = 1 曲线能达到该误差：相对不剪枝的提升未知。</translation>
    </message>
    <message>
        <source>That is OUTSIDE the measured pools (%1 to %2): it extrapolates a power law and may be wrong.</source>
        <translation>这在测量的数据池范围（%1 至 %2）之外：它由幂律外推，可能有误。</translation>
    </message>
    <message>
        <source>not pruning (f = 1) was best at every pool measured</source>
        <translation>在测量的每个数据池上，不剪枝（f = 1）都是最佳</translation>
    </message>
    <message>
        <source>keep-%1 %2</source>
        <translation>保留%1 %2</translation>
    </message>
    <message>
        <source>best per pool: %1</source>
        <translation>各数据池的最佳：%1</translation>
    </message>
    <message>
        <source>the envelope has fewer than 2 pool sizes with a positive error: nothing to fit</source>
        <translation>包络线中误差为正的数据池大小少于 2 个：无法拟合</translation>
    </message>
    <message>
        <source>no unpruned curve (f = 1 at 2 or more pool sizes) was measured: nothing to compare with</source>
        <translation>没有测量不剪枝曲线（2 个或更多数据池大小上的 f = 1）：无可比较</translation>
    </message>
    <message>
        <source>no pruned point beat not pruning at any pool measured: the envelope is the unpruned curve (exponent %1), so pruning does not beat power-law scaling at these sizes</source>
        <translation>在测量的任何数据池上，没有剪枝点优于不剪枝：包络线就是不剪枝曲线（指数 %1），因此在这些规模下剪枝没有超越幂律缩放</translation>
    </message>
    <message>
        <source>envelope exponent %1, unpruned %2, difference %3</source>
        <translation>包络线指数 %1，不剪枝 %2，差值 %3</translation>
    </message>
    <message>
        <source>pruning beats power-law scaling here: %1 (more than 2 standard errors)</source>
        <translation>此处剪枝超越了幂律缩放：%1（超过 2 个标准误差）</translation>
    </message>
    <message>
        <source>pruning scales worse than no pruning here: %1 (more than 2 standard errors)</source>
        <translation>此处剪枝的缩放比不剪枝更差：%1（超过 2 个标准误差）</translation>
    </message>
    <message>
        <source>the data cannot tell whether pruning beats power-law scaling: %1 (within 2 standard errors)</source>
        <translation>数据无法判断剪枝是否超越幂律缩放：%1（在 2 个标准误差以内）</translation>
    </message>
    <message>
        <source>keep-%1 is at least as good as keep-%2 at every size up to %3</source>
        <translation>在不超过 %3 的每个规模上，保留%1都不差于保留%2</translation>
    </message>
    <message>
        <source>keep-%1 beats keep-%2 at every size from %3</source>
        <translation>从 %3 起的每个规模上，保留%1都优于保留%2</translation>
    </message>
    <message>
        <source>keep-%1 overtakes keep-%2 from %3 examples (before pruning)</source>
        <translation>从（剪枝前）%3 个样本起，保留%1超过保留%2</translation>
    </message>
    <message>
        <source>power law</source>
        <translation>幂律</translation>
    </message>
    <message>
        <source>exponential</source>
        <translation>指数</translation>
    </message>
    <message>
        <source>broken power law</source>
        <translation>分段幂律</translation>
    </message>
    <message>
        <source>||softmax - onehot||2 early in training, un-augmented inputs</source>
        <translation>训练早期的 ||softmax - onehot||2，输入不做数据增强</translation>
    </message>
    <message>
        <source>norm of the per-example loss gradient w.r.t. all parameters</source>
        <translation>单个样本损失对全部参数的梯度范数</translation>
    </message>
    <message>
        <source>correct-to-incorrect transitions in training (never learned = epochs)</source>
        <translation>训练中由正确变为错误的次数（从未学会 = 轮数）</translation>
    </message>
    <message>
        <source>minus the mean margin (assigned logit - largest other logit) in training</source>
        <translation>训练中平均间隔（标签 logit - 其他最大 logit）的相反数</translation>
    </message>
    <message>
        <source>1 - mean probability of the label across training (data maps)</source>
        <translation>1 - 训练过程中标签的平均概率（数据地图）</translation>
    </message>
    <message>
        <source>std of the probability of the label across training (data maps)</source>
        <translation>训练过程中标签概率的标准差（数据地图）</translation>
    </message>
    <message>
        <source>entropy of the final model&apos;s prediction</source>
        <translation>最终模型预测的熵</translation>
    </message>
    <message>
        <source>minus (p_label - largest other p) of the final model</source>
        <translation>最终模型的 (p_标签 - 其他最大 p) 的相反数</translation>
    </message>
    <message>
        <source>cosine distance to the nearest k-means centroid (class-agnostic)</source>
        <translation>到最近 k-means 质心的余弦距离（不分类别）</translation>
    </message>
    <message>
        <source>cosine distance to the nearest centroid of the example&apos;s own class</source>
        <translation>到样本所属类别最近质心的余弦距离</translation>
    </message>
    <message>
        <source>uniform random (seeded), the baseline</source>
        <translation>均匀随机（带种子），即基线</translation>
    </message>
    <message>
        <source>, hardest %1 dropped first</source>
        <translation>，先剔除最难的 %1</translation>
    </message>
    <message>
        <source>label check</source>
        <comment>run kind</comment>
        <translation>标签检查</translation>
    </message>
    <message>
        <source>no examples scored</source>
        <translation>没有已打分的样本</translation>
    </message>
    <message>
        <source>one example holds the maximum %1</source>
        <translation>只有一个样本取最大值 %1</translation>
    </message>
    <message>
        <source>%1 examples tie at the maximum %2, ranked among themselves by the label&apos;s probability under the trained models</source>
        <translation>%1 个样本并列最大值 %2，彼此之间按训练后模型给出的标签概率排序</translation>
    </message>
    <message>
        <source>%1 examples tie at the maximum %2, ranked among themselves by training index</source>
        <translation>%1 个样本并列最大值 %2，彼此之间按训练索引排序</translation>
    </message>
    <message>
        <source>%1 show as %2 at three digits (distinct values, ranked by them)</source>
        <translation>%1 个在三位有效数字下显示为 %2（数值各不相同，按数值排序）</translation>
    </message>
    <message>
        <source>%1 folds, cross-validated</source>
        <translation>%1 折，交叉验证</translation>
    </message>
    <message>
        <source>The error of %1 at %2 examples lies OUTSIDE the pools its curve measured: it extrapolates a power law and may be wrong.</source>
        <translation>%1 在 %2 个样本处的误差位于其曲线所测数据池之外：这是幂律外推，可能有误。</translation>
    </message>
    <message>
        <source>That, and the %1 examples of %2, are OUTSIDE the measured pools (%3 to %4): they extrapolate power laws and may be wrong.</source>
        <translation>该值以及 %2 的 %1 个样本位于所测数据池之外（%3 至 %4）：它们是幂律外推，可能有误。</translation>
    </message>
    <message>
        <source>The %1 examples of %2 are OUTSIDE the measured pools (%3 to %4): that figure extrapolates a power law and may be wrong.</source>
        <translation>%2 的 %1 个样本位于所测数据池之外（%3 至 %4）：该数值是幂律外推，可能有误。</translation>
    </message>
    <message>
        <source>envelope exponent %1, unpruned %2</source>
        <translation>包络线指数 %1，不剪枝 %2</translation>
    </message>
    <message>
        <source>the data cannot tell: a standard error needs at least 5 pool sizes, or 4 each measured with 2 or more seeds, on each curve (%1)</source>
        <translation>数据无法判断：每条曲线需要至少 5 个数据池大小，或至少 4 个且每个用 2 个及以上种子测量，才能给出标准误差（%1）</translation>
    </message>
    <message>
        <source>trains only to its epoch when every requested score is read early</source>
        <translation>当所请求的分数都在早期读取时，只训练到其读取轮次</translation>
    </message>
    <message>
        <source>no training</source>
        <translation>无需训练</translation>
    </message>
    <message>
        <source>the whole training (classifier embedding), else the encoder only</source>
        <translation>完整训练（分类器嵌入），否则只训练编码器</translation>
    </message>
    <message>
        <source>the whole training</source>
        <translation>完整训练</translation>
    </message>
    <message>
        <source>robust (DRoP)</source>
        <comment>policy</comment>
        <translation>稳健（DRoP）</translation>
    </message>
    <message>
        <source>group-balanced</source>
        <comment>policy</comment>
        <translation>按组平衡</translation>
    </message>
    <message>
        <source>dedup (SemDeDup)</source>
        <comment>policy</comment>
        <translation>dedup（SemDeDup）</translation>
    </message>
    <message>
        <source>1 - highest cosine similarity to another example of its k-means cluster (redundancy)</source>
        <translation>1 - 与其 k-means 簇内另一样本的最高余弦相似度（冗余度）</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>PruneScope: a workbench for data pruning</source>
        <translation>PruneScope：数据剪枝工作台</translation>
    </message>
    <message>
        <source>Dataset to open (a path or fashion-mnist)</source>
        <translation>要打开的数据集（路径或 fashion-mnist）</translation>
    </message>
    <message>
        <source>Save a screenshot once the dataset is open, then quit</source>
        <translation>数据集打开后保存截图，然后退出</translation>
    </message>
    <message>
        <source>Milliseconds between opening and the screenshot</source>
        <translation>打开与截图之间的毫秒数</translation>
    </message>
    <message>
        <source>View to show first: dataset, gallery, scores, frontier, scaling, fairness or theory</source>
        <translation>首先显示的视图：dataset、gallery、scores、frontier、scaling、fairness 或 theory</translation>
    </message>
    <message>
        <source>Once the dataset is open, audit point N of the frontier study shown (as a click on it does)</source>
        <translation>数据集打开后，审计所显示前沿研究的第 N 个点（与单击该点相同）</translation>
    </message>
    <message>
        <source>Once the dataset is open, show training example N (or the hardest) in the gallery&apos;s detail pane</source>
        <translation>数据集打开后，在图库的详情面板中显示第 N 个训练样本（或最难的样本）</translation>
    </message>
    <message>
        <source>Once the dataset is open, select run N in the runs panel (its detail and training curves)</source>
        <translation>数据集打开后，在运行面板中选中运行 N（显示其详情和训练曲线）</translation>
    </message>
    <message>
        <source>Examples the gallery shows: all, disagrees or mislabelled</source>
        <translation>图库显示的样本：all（全部）、disagrees（标签与模型不一致）或 mislabelled（疑似标错）</translation>
    </message>
    <message>
        <source>Form the Jobs panel shows first: 1 (scoring), 2 (frontier), 3 (scaling)</source>
        <translation>作业面板首先显示的表单：1（评分）、2（前沿）、3（缩放）</translation>
    </message>
    <message>
        <source>Store file for this launch (File › Settings sets the default store)</source>
        <translation>本次启动使用的存储库文件（默认存储库在“文件 › 设置”中设定）</translation>
    </message>
    <message>
        <source>Start a scoring run with the form&apos;s settings once the dataset is open (said on stderr with its estimated time; a job over ten minutes is asked about)</source>
        <translation>数据集打开后，按表单设置开始打分（在 stderr 上说明并给出预计时间；超过十分钟的任务会先询问）</translation>
    </message>
    <message>
        <source>Kept fraction f in (0, 1] the gallery&apos;s slider starts at</source>
        <translation>画廊滑块起始的保留比例 f，在 (0, 1] 内</translation>
    </message>
</context>
<context>
    <name>ps::ui::AgreementHeatmap</name>
    <message>
        <source>%1 vs %2
Spearman ρ = %3
top-k overlap = %4 (k = %5 of the %6 examples both cover)
click: scatter of the two</source>
        <translation>%1 对 %2
Spearman ρ = %3
Top-k 重叠 = %4（k = %5，共同覆盖 %6 个样本）
单击：查看两者的散点图</translation>
    </message>
</context>
<context>
    <name>ps::ui::BackgroundJob</name>
    <message>
        <source>“Learning rate” (under Training settings)</source>
        <translation>“学习率”（在训练设置下）</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>“Epochs”</source>
        <translation>“训练轮数”</translation>
    </message>
    <message>
        <source>“Batch size” (under Training settings)</source>
        <translation>“批大小”（在训练设置下）</translation>
    </message>
    <message>
        <source>the batch size (set in the Score form&apos;s Training settings)</source>
        <translation>批大小（在打分表单的训练设置中设定）</translation>
    </message>
    <message>
        <source>the Find… button beside it</source>
        <translation>旁边的“查找…”按钮</translation>
    </message>
    <message>
        <source>untick “fail the run if the model does not learn” to keep such a run anyway</source>
        <translation>取消勾选“模型不学习时判定运行失败”即可保留这样的运行</translation>
    </message>
</context>
<context>
    <name>ps::ui::ChartView</name>
    <message>
        <source>Wheel or drag a box: zoom · Shift+drag: pan · double-click or 0: whole chart · click a legend entry: hide/show it</source>
        <translation>滚轮或拖出方框：缩放 · Shift+拖动：平移 · 双击或 0：显示整个图表 · 单击图例项：隐藏/显示</translation>
    </message>
    <message>
        <source>%1
x = %2, y = %3</source>
        <translation>%1
x = %2，y = %3</translation>
    </message>
</context>
<context>
    <name>ps::ui::ClassCountModel</name>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>Share of train</source>
        <translation>占训练集比例</translation>
    </message>
</context>
<context>
    <name>ps::ui::ClassPicker</name>
    <message>
        <source>type a name or id</source>
        <translation>输入名称或编号</translation>
    </message>
    <message>
        <source>Type part of a class&apos;s name or its id to list the classes that match</source>
        <translation>输入类别名称的一部分或其编号，列出匹配的类别</translation>
    </message>
</context>
<context>
    <name>ps::ui::ClassSummaryPanel</name>
    <message>
        <source>The share of the class&apos;s examples the pruning above removes (how many)</source>
        <translation>上方剪枝移除的该类样本比例（数量）</translation>
    </message>
    <message>
        <source>Difficulty of the class&apos;s examples (higher = harder)</source>
        <translation>该类样本的难度（越高越难）</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>第 90 百分位</translation>
    </message>
    <message>
        <source>%1 % (%2)</source>
        <translation>%1 %（%2）</translation>
    </message>
    <message>
        <source>Find a class (name or id)</source>
        <translation>查找类别（名称或编号）</translation>
    </message>
    <message>
        <source>keep hardest</source>
        <translation>保留最难</translation>
    </message>
    <message>
        <source>keep easiest</source>
        <translation>保留最简单</translation>
    </message>
    <message>
        <source>Kept fraction of the whole training set: the table gives each class&apos;s share this pruning removes (pruned over all classes at once, not class-balanced)</source>
        <translation>整个训练集的保留比例：表格给出此剪枝移除的各类比例（在所有类别上一起剪枝，不按类别平衡）</translation>
    </message>
    <message>
        <source>Pruning</source>
        <translation>剪枝</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>%1 classes, the most affected first (largest share removed, then highest median). Click a class to draw its distribution below; sort by any column.</source>
        <translation>%1 个类别，受影响最大的在前（移除比例最大，其次中位数最高）。点击类别可在下方绘制其分布；可按任意列排序。</translation>
    </message>
</context>
<context>
    <name>ps::ui::DatasetSummaryWidget</name>
    <message>
        <source>No dataset open. Use File ▸ Open Fashion-MNIST, or open a folder or CSV manifest.</source>
        <translation>尚未打开数据集。请使用“文件 ▸ 打开 Fashion-MNIST”，或打开文件夹或 CSV 清单。</translation>
    </message>
    <message>
        <source>No dataset</source>
        <translation>无数据集</translation>
    </message>
    <message>
        <source>Format: %1    Train: %2    Test: %3    Image: %4 × %5 × %6 (H × W × C)    Classes: %7    Fingerprint: %8</source>
        <translation>格式：%1    训练集：%2    测试集：%3    图像：%4 × %5 × %6（高 × 宽 × 通道）    类别数：%7    指纹：%8</translation>
    </message>
    <message>
        <source>Skipped files: %1</source>
        <translation>跳过的文件：%1</translation>
    </message>
</context>
<context>
    <name>ps::ui::DensityPlot</name>
    <message>
        <source>Pick two scores (or click a cell of the agreement matrix).</source>
        <translation>请选择两个分数（或单击一致性矩阵中的单元格）。</translation>
    </message>
    <message>
        <source>%1 = %2, %3 = %4
%5 example(s) in this cell</source>
        <translation>%1 = %2，%3 = %4
此单元格中有 %5 个样本</translation>
    </message>
    <message>
        <source>
nearest: example #%1 (%2, %3); click to open it</source>
        <translation>
最近的样本：#%1（%2，%3）；单击打开</translation>
    </message>
</context>
<context>
    <name>ps::ui::DuplicatePairsPanel</name>
    <message>
        <source>near: similarity ≥ </source>
        <translation>近似：相似度 ≥ </translation>
    </message>
    <message>
        <source>Near duplicates: cosine similarity of the two examples&apos; embeddings, at least this</source>
        <translation>近似重复：两个样本嵌入的余弦相似度至少为此值</translation>
    </message>
    <message>
        <source>Tag the copies exclude</source>
        <translation>将副本标记为排除</translation>
    </message>
    <message>
        <source>Tags &apos;exclude&apos; the second example of every pair within training (one of each group is kept) and the training example of every leak; Ctrl+Z undoes it</source>
        <translation>将训练集中每对的第二个样本（每组保留一个）以及每个泄漏的训练样本标记为“排除”；Ctrl+Z 可撤销</translation>
    </message>
    <message>
        <source>Searching for duplicates…</source>
        <translation>正在查找重复…</translation>
    </message>
    <message>
        <source>Duplicates could not be searched: %1</source>
        <translation>无法查找重复：%1</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>精确</translation>
    </message>
    <message>
        <source>near</source>
        <translation>近似</translation>
    </message>
    <message numerus="yes">
        <source>%n leak(s): a test example with a copy in training</source>
        <translation>
            <numerusform>%n 个泄漏：测试样本在训练集中有副本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) within training</source>
        <translation>
            <numerusform>训练集中 %n 对</numerusform>
        </translation>
    </message>
    <message>
        <source> (the first %1 shown)</source>
        <translation>（显示前 %1 个）</translation>
    </message>
</context>
<context>
    <name>ps::ui::ExampleListModel</name>
    <message>
        <source>pruned</source>
        <translation>已剪除</translation>
    </message>
    <message>
        <source>%1 (label %2)
%3</source>
        <translation>%1（标签 %2）
%3</translation>
    </message>
    <message>
        <source>Likely mislabelled: the models confidently predict another class</source>
        <translation>疑似标错：模型有把握地预测为另一类别</translation>
    </message>
</context>
<context>
    <name>ps::ui::FairnessView</name>
    <message>
        <source>No audit yet: click a point of a frontier study to audit that pruning.</source>
        <translation>尚无审计：单击前沿研究中的一个点即可审计该剪枝。</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>保留数</translation>
    </message>
    <message>
        <source>Kept fraction</source>
        <translation>保留比例</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>kept fraction per class</source>
        <translation>各类别保留比例</translation>
    </message>
    <message>
        <source>accuracy on the subset</source>
        <translation>子集模型准确率</translation>
    </message>
    <message>
        <source>change in accuracy</source>
        <translation>准确率变化</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>keeps less than %1 × f of its examples</source>
        <translation>保留的样本少于其 %1 × f</translation>
    </message>
    <message>
        <source>%1: %2 kept</source>
        <translation>%1：保留 %2 个</translation>
    </message>
    <message>
        <source>, test error %1 (full data %2), worst class %3 at %4</source>
        <translation>，测试误差 %1（全部数据 %2），最差类别 %3 为 %4</translation>
    </message>
    <message>
        <source>; pruned disproportionately: %1</source>
        <translation>；被不成比例剪除：%1</translation>
    </message>
    <message>
        <source>Audit of %1 by %2 (score run %3)</source>
        <translation>按 %2 对 %1 的审计（打分运行 %3）</translation>
    </message>
    <message>
        <source>Acc. subset</source>
        <translation>准确率（子集）</translation>
    </message>
    <message>
        <source>Acc. full data</source>
        <translation>准确率（全部数据）</translation>
    </message>
    <message>
        <source>%1 (f = %2)</source>
        <translation>%1（f = %2）</translation>
    </message>
    <message>
        <source>%1
%2: %3</source>
        <translation>%1
%2：%3</translation>
    </message>
    <message>
        <source>make-up: share of the full set and of each kept set</source>
        <translation>构成：完整集合及各保留集合中的占比</translation>
    </message>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Audit by class, or by group: class × the values of an attribute of the dataset</source>
        <translation>按类别审计，或按组审计：类别 × 数据集某个属性的取值</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>分组依据</translation>
    </message>
    <message>
        <source>class × %1</source>
        <translation>类别 × %1</translation>
    </message>
    <message>
        <source>No audit yet: click a point of a frontier study to audit that pruning, then group it.</source>
        <translation>尚无审计：点击前沿研究中的一个点来审计该剪枝，然后对其分组。</translation>
    </message>
    <message>
        <source>Auditing %1 by class × %2… (the Jobs panel shows its progress)</source>
        <translation>正在按类别 × %2 审计 %1…（任务面板显示其进度）</translation>
    </message>
    <message>
        <source>Audit of %1 by group (score run %2)</source>
        <translation>%1 的分组审计（评分运行 %2）</translation>
    </message>
    <message>
        <source>full set</source>
        <translation>完整集合</translation>
    </message>
    <message>
        <source>the %1 least accurate of %2 classes: %3</source>
        <translation>%2 个类别中准确率最低的 %1 个：%3</translation>
    </message>
    <message>
        <source>the %1 most harmed of %2 classes: %3</source>
        <translation>%2 个类别中受损最大的 %1 个：%3</translation>
    </message>
    <message>
        <source>the %1 most pruned of %2 classes: %3</source>
        <translation>%2 个类别中剪除最多的 %1 个：%3</translation>
    </message>
</context>
<context>
    <name>ps::ui::FrontierView</name>
    <message>
        <source>equal epochs</source>
        <translation>相同轮数</translation>
    </message>
    <message>
        <source>equal steps</source>
        <translation>相同步数</translation>
    </message>
    <message>
        <source>%1, f = %2</source>
        <translation>%1，f = %2</translation>
    </message>
    <message>
        <source>%1 examples kept · %2 epochs</source>
        <translation>保留 %1 个样本 · %2 轮</translation>
    </message>
    <message>
        <source>on the Pareto frontier</source>
        <translation>位于帕累托前沿上</translation>
    </message>
    <message>
        <source>click: fairness audit</source>
        <translation>单击：公平性审计</translation>
    </message>
    <message>
        <source>No frontier study yet: start one in the Jobs panel (Frontier tab).</source>
        <translation>尚无前沿研究：请在任务面板（“前沿”标签页）中开始一项。</translation>
    </message>
    <message>
        <source>run %1 · %2 · f = %3 · %4 epochs · %5</source>
        <translation>运行 %1 · %2 · f = %3 · %4 轮 · %5</translation>
    </message>
    <message>
        <source>Hover a point for its numbers; click it for the fairness audit of that pruning.</source>
        <translation>悬停在点上查看数值；单击查看该剪枝的公平性审计。</translation>
    </message>
    <message>
        <source>test error</source>
        <translation>测试错误率</translation>
    </message>
    <message>
        <source>worst-class error</source>
        <translation>最差类别错误率</translation>
    </message>
    <message>
        <source>worst-group error</source>
        <translation>最差组错误率</translation>
    </message>
    <message>
        <source>What the chart draws against the kept fraction; the Pareto frontier follows it. A group is a class × the values of the dataset&apos;s attributes.</source>
        <translation>图表相对保留比例绘制的量；帕累托前沿随之变化。一个组是类别 × 数据集属性的取值。</translation>
    </message>
    <message>
        <source>%1 %2 ± %3 (std over %4 seeds)</source>
        <translation>%1 %2 ± %3（%4 个种子的标准差）</translation>
    </message>
    <message>
        <source>%1 %2 (1 seed, no spread)</source>
        <translation>%1 %2（1 个种子，无离散度）</translation>
    </message>
    <message>
        <source>This study has no worst-group error (its dataset has no attribute to group by, or it was trained before per-group error was recorded): showing the test error. </source>
        <translation>此研究没有最差组错误率（其数据集没有可分组的属性，或它是在记录每组错误率之前训练的）：显示测试错误率。 </translation>
    </message>
    <message>
        <source>This study has no worst-class error: showing the test error. </source>
        <translation>此研究没有最差类别错误率：显示测试错误率。 </translation>
    </message>
    <message>
        <source>Test error</source>
        <translation>测试错误率</translation>
    </message>
    <message>
        <source>Worst-class error</source>
        <translation>最差类别错误率</translation>
    </message>
    <message>
        <source>Worst-group error</source>
        <translation>最差组错误率</translation>
    </message>
    <message>
        <source>%1 against kept fraction (%2, budget: %3)</source>
        <translation>%1 相对保留比例（%2，预算：%3）</translation>
    </message>
</context>
<context>
    <name>ps::ui::GalleryTags</name>
    <message>
        <source>Tag as %1	%2</source>
        <translation>标记为 %1	%2</translation>
    </message>
    <message>
        <source>Other tag…</source>
        <translation>其他标记…</translation>
    </message>
    <message>
        <source>Tag the selected examples</source>
        <translation>标记所选样本</translation>
    </message>
    <message>
        <source>Tag (letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;):</source>
        <translation>标记（字母、数字、&apos;-&apos;、&apos;_&apos; 或 &apos;.&apos;）：</translation>
    </message>
    <message>
        <source>Remove all tags</source>
        <translation>移除所有标记</translation>
    </message>
    <message numerus="yes">
        <source>untag %n example(s) as %1</source>
        <translation>
            <numerusform>取消 %n 个样本的标签 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>tag %n example(s) as %1</source>
        <translation>
            <numerusform>给 %n 个样本加上标签 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>remove the tags of %n example(s)</source>
        <translation>
            <numerusform>移除 %n 个样本的全部标签</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo: %1	Ctrl+Z</source>
        <translation>撤销：%1	Ctrl+Z</translation>
    </message>
</context>
<context>
    <name>ps::ui::GalleryView</name>
    <message>
        <source>Kept fraction f: examples the pruning drops are shown on red</source>
        <translation>保留比例 f：被剪除的样本以红色背景显示</translation>
    </message>
    <message>
        <source>class-balanced</source>
        <translation>类别均衡</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Pruning</source>
        <translation>剪枝</translation>
    </message>
    <message>
        <source>Easiest</source>
        <translation>最容易</translation>
    </message>
    <message>
        <source>Hardest</source>
        <translation>最困难</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Click an example to see it here.</source>
        <translation>单击一个样本在此查看。</translation>
    </message>
    <message>
        <source>Copy selection</source>
        <translation>复制所选</translation>
    </message>
    <message>
        <source>Export selection…</source>
        <translation>导出所选…</translation>
    </message>
    <message>
        <source>Export kept subset…</source>
        <translation>导出保留子集…</translation>
    </message>
    <message>
        <source>Copies index, class, score and source of the selected examples</source>
        <translation>复制所选样本的索引、类别、分数和来源</translation>
    </message>
    <message>
        <source>Writes the training indices the pruning keeps (.txt, .npy or .csv)</source>
        <translation>写出剪枝保留的训练索引（.txt、.npy 或 .csv）</translation>
    </message>
    <message>
        <source>No scores yet: start a scoring run in the Jobs panel.</source>
        <translation>尚无分数：请在任务面板中开始一次打分运行。</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>所有类别</translation>
    </message>
    <message>
        <source>f = %1</source>
        <translation>f = %1</translation>
    </message>
    <message>
        <source>%1 of %2 scored examples kept, %3 pruned (on red)</source>
        <translation>已打分的 %2 个样本中保留 %1 个，剪除 %3 个（红色）</translation>
    </message>
    <message>
        <source>Training example #%1
Class: %2 (label %3)
Source: %4</source>
        <translation>训练样本 #%1
类别：%2（标签 %3）
来源：%4</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>no score is shown</source>
        <translation>未显示任何分数</translation>
    </message>
    <message>
        <source>Export the selected examples</source>
        <translation>导出所选样本</translation>
    </message>
    <message>
        <source>Export the kept subset</source>
        <translation>导出保留子集</translation>
    </message>
    <message>
        <source>Index list (*.txt);;NumPy indices (*.npy);;CSV (*.csv)</source>
        <translation>索引列表 (*.txt);;NumPy 索引 (*.npy);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Rank by difficulty: 1 is the hardest example</source>
        <translation>按难度排名：1 为最难的样本</translation>
    </message>
    <message>
        <source>All examples</source>
        <translation>全部样本</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>This run stored no predictions (an import, or a run without a classifier): nothing to compare the labels with.</source>
        <translation>此运行未保存预测（导入的分数，或未训练分类器的运行）：无法与标签比较。</translation>
    </message>
    <message>
        <source>Model predicts: %1 (%2); given label&apos;s probability %3
Disagrees with the label in %4 of %5 seeds
Top classes: %6</source>
        <translation>模型预测：%1（%2）；给定标签的概率 %3
在 %5 个种子中有 %4 个与标签不一致
最可能的类别：%6</translation>
    </message>
    <message>
        <source>1 seed</source>
        <translation>1 个种子</translation>
    </message>
    <message>
        <source>%1 seeds</source>
        <translation>%1 个种子</translation>
    </message>
    <message>
        <source>Tagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <source>Thumbnail size (Ctrl+wheel over a list)</source>
        <translation>缩略图大小（在列表上按住 Ctrl 并滚动滚轮）</translation>
    </message>
    <message>
        <source>Thumbnails</source>
        <translation>缩略图</translation>
    </message>
    <message>
        <source>; %1 of them tagged &apos;exclude&apos;</source>
        <translation>；其中 %1 个标记为 &apos;exclude&apos;（排除）</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>标记：%1</translation>
    </message>
    <message>
        <source>Keep hardest and CCS first drop this fraction of the hardest examples (often mislabelled)</source>
        <translation>“保留最难的”和 CCS 会先去掉这一比例的最难样本（常为标错样本）</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n example(s) to the clipboard</source>
        <translation>
            <numerusform>已将 %n 个样本复制到剪贴板</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>%1, %2 epochs</source>
        <translation>%1，%2 轮</translation>
    </message>
    <message>
        <source>%1, epochs not known</source>
        <translation>%1，训练轮数未知</translation>
    </message>
    <message>
        <source>⚠ tentative (%1): with fewer than %2 seeds or %3 epochs the models take hard examples for mislabelled ones</source>
        <translation>⚠ 仅供参考（%1）：种子少于 %2 个或训练少于 %3 轮时，模型会把困难样本误当作标错样本</translation>
    </message>
    <message>
        <source>Label disagrees with the model (in-sample)</source>
        <translation>标签与模型不一致（样本内）</translation>
    </message>
    <message>
        <source>Likely mislabelled (in-sample)</source>
        <translation>疑似标错（样本内）</translation>
    </message>
    <message>
        <source>Likely mislabelled: the models confidently predict another class (confident learning, Northcutt et al. 2021) in at least half of the seeds. In-sample: the scoring run&apos;s models, which trained on these examples. Cross-validated: each example predicted by a model trained on the other folds (Check labels)</source>
        <translation>疑似标错：在至少一半的种子中，模型有把握地预测为另一类别（置信学习，Northcutt 等，2021）。样本内：打分运行的模型，它们在这些样本上训练过。交叉验证：每个样本由在其他折上训练的模型预测（检查标签）</translation>
    </message>
    <message>
        <source>Check labels (%1-fold)…</source>
        <translation>检查标签（%1 折）…</translation>
    </message>
    <message>
        <source>Starts a job: the scoring form&apos;s recipe trains %1 models, each on all but one fold, and each fold&apos;s labels are checked against the model that did not train on it</source>
        <translation>启动一个任务：按打分表单的配方训练 %1 个模型，每个模型在除一折之外的全部数据上训练，每一折的标签由未在其上训练的模型检查</translation>
    </message>
    <message>
        <source>Every class keeps the same fraction f (the studies&apos; default too)</source>
        <translation>每个类别保留相同的比例 f（也是研究的默认设置）</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>原始值</translation>
    </message>
    <message>
        <source>Difficulty
(higher = harder)</source>
        <translation>难度
（越高越难）</translation>
    </message>
    <message>
        <source>The score as its method defines it (e.g. AUM&apos;s margin: higher = easier); — where the run stored only the difficulty</source>
        <translation>按方法自身定义的分数（例如 AUM 的间隔：越高越容易）；运行只存储了难度时显示 —</translation>
    </message>
    <message>
        <source>The value the gallery orders and prunes by, always higher = harder; with the mean ± standard deviation over the run&apos;s seeds</source>
        <translation>图库排序和剪枝所依据的值，始终越高越难；并给出运行各种子的均值 ± 标准差</translation>
    </message>
    <message>
        <source>Tags (M mislabelled, A ambiguous, K keep, X exclude, or the context menu) and Export selection act on these examples only; Ctrl+Z undoes a tag</source>
        <translation>标签（M 标错、A 含糊、K 保留、X 排除，或右键菜单）和“导出所选”只作用于这些样本；Ctrl+Z 撤销标签</translation>
    </message>
    <message>
        <source>Undo tag</source>
        <translation>撤销标签</translation>
    </message>
    <message>
        <source>Redo tag</source>
        <translation>重做标签</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>未选择任何样本</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n selected in Easiest&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;在“最容易”中选择了 %n 个&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n selected in Hardest&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;在“最困难”中选择了 %n 个&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>; %1 at the maximum %2 (%3 show as %4)</source>
        <translation>；%1 个取最大值 %2（%3 个显示为 %4）</translation>
    </message>
    <message>
        <source>Likely mislabelled (cross-validated)</source>
        <translation>疑似标错（交叉验证）</translation>
    </message>
    <message>
        <source>Cross-validated (run %1, %2 folds, out-of-sample probabilities): %3 of %4 examples look mislabelled%5</source>
        <translation>交叉验证（运行 %1，%2 折，样本外概率）：%4 个样本中有 %3 个疑似标错%5</translation>
    </message>
    <message>
        <source>In-sample (the scoring run&apos;s models trained on these examples): they disagree with the label of %1 examples; %2 look mislabelled%3</source>
        <translation>样本内（打分运行的模型在这些样本上训练过）：模型与 %1 个样本的标签不一致；%2 个疑似标错%3</translation>
    </message>
    <message>
        <source>Likely mislabelled, in-sample (the models are confident it is another class)</source>
        <translation>疑似标错，样本内（模型有把握地认为是另一类别）</translation>
    </message>
    <message>
        <source>Cross-validated (a model that did not train on it): %1 (%2); given label&apos;s probability %3</source>
        <translation>交叉验证（未在其上训练的模型）：%1（%2）；给定标签的概率 %3</translation>
    </message>
    <message>
        <source> — likely mislabelled</source>
        <translation> — 疑似标错</translation>
    </message>
    <message>
        <source>Duplicates (pairs within training)</source>
        <translation>重复（训练集内的样本对）</translation>
    </message>
    <message>
        <source>Leaks (test examples with a copy in training)</source>
        <translation>泄漏（在训练集中有副本的测试样本）</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n selected on the map&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;在图上选中 %n 个&lt;/b&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ps::ui::GroupFairnessPanel</name>
    <message>
        <source>make-up: share of the full set and of the kept set</source>
        <translation>构成：完整集合及保留集合中的占比</translation>
    </message>
    <message>
        <source>kept fraction per group</source>
        <translation>每组的保留比例</translation>
    </message>
    <message>
        <source>accuracy: subset&apos;s model and full-data model</source>
        <translation>准确率：子集模型与完整数据模型</translation>
    </message>
    <message>
        <source>change in accuracy</source>
        <translation>准确率变化</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Audit of %1 by class × %2: %3 of %4 examples kept, %5 groups</source>
        <translation>%1 按类别 × %2 的审计：保留 %4 个样本中的 %3 个，%5 个组</translation>
    </message>
    <message>
        <source>average %1, worst group %2 (%3), worst class %4 (%5)</source>
        <translation>平均 %1，最差组 %2（%3），最差类别 %4（%5）</translation>
    </message>
    <message>
        <source>
Test accuracy of the subset&apos;s model: %1.
Full-data model: %2.</source>
        <translation>
子集模型的测试准确率：%1。
完整数据模型：%2。</translation>
    </message>
    <message>
        <source>
No accuracy: %1</source>
        <translation>
无准确率：%1</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总数</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Kept fraction</source>
        <translation>保留比例</translation>
    </message>
    <message>
        <source>Share of full set</source>
        <translation>完整集合占比</translation>
    </message>
    <message>
        <source>Share of kept set</source>
        <translation>保留集合占比</translation>
    </message>
    <message>
        <source>Acc. subset</source>
        <translation>子集准确率</translation>
    </message>
    <message>
        <source>Acc. full data</source>
        <translation>完整数据准确率</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Test examples</source>
        <translation>测试样本</translation>
    </message>
    <message>
        <source>the worst group: the lowest test accuracy of the subset&apos;s model</source>
        <translation>最差组：子集模型测试准确率最低的组</translation>
    </message>
    <message>
        <source>share of the full set</source>
        <translation>完整集合中的占比</translation>
    </message>
    <message>
        <source>subset&apos;s model</source>
        <translation>子集模型</translation>
    </message>
    <message>
        <source>kept fraction</source>
        <translation>保留比例</translation>
    </message>
    <message>
        <source>share of the kept set</source>
        <translation>保留集合中的占比</translation>
    </message>
    <message>
        <source>full-data model</source>
        <translation>完整数据模型</translation>
    </message>
    <message>
        <source> (worst)</source>
        <translation>（最差）</translation>
    </message>
    <message>
        <source>the %1 least accurate of %2 groups: %3</source>
        <translation>%2 个组中准确率最低的 %1 个：%3</translation>
    </message>
    <message>
        <source>the %1 most harmed of %2 groups: %3</source>
        <translation>%2 个组中受损最大的 %1 个：%3</translation>
    </message>
    <message>
        <source>the %1 most pruned of %2 groups: %3</source>
        <translation>%2 个组中剪除最多的 %1 个：%3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>ps::ui::HistogramGrid</name>
    <message>
        <source>max %1</source>
        <translation>最大 %1</translation>
    </message>
    <message>
        <source>%1, higher = harder; each panel on its own count scale</source>
        <translation>%1，越高越难；每个面板使用各自的计数刻度</translation>
    </message>
    <message>
        <source>%1: %2 example(s) with %3 in [%4, %5)</source>
        <translation>%1：%2 个样本的 %3 位于 [%4, %5)</translation>
    </message>
</context>
<context>
    <name>ps::ui::JobEstimate</name>
    <message>
        <source>Estimating the time this job takes…</source>
        <translation>正在估计此作业所需时间…</translation>
    </message>
    <message>
        <source>training measured at %1 images/s</source>
        <translation>实测训练速度 %1 张图像/秒</translation>
    </message>
    <message>
        <source>&lt;b&gt;A long job: about %1&lt;/b&gt; (%2). It can be cancelled and resumed.</source>
        <translation>&lt;b&gt;耗时较长的作业：约 %1&lt;/b&gt;（%2）。可以取消后再恢复。</translation>
    </message>
    <message>
        <source>About %1 (%2).</source>
        <translation>约 %1（%2）。</translation>
    </message>
    <message>
        <source>No time estimate: %1</source>
        <translation>无时间估计：%1</translation>
    </message>
</context>
<context>
    <name>ps::ui::JobPanel</name>
    <message>
        <source>Score only the first N training examples</source>
        <translation>只为前 N 个训练样本打分</translation>
    </message>
    <message>
        <source>Start scoring</source>
        <translation>开始打分</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>训练轮数</translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation>随机种子数</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Frontier</source>
        <translation>前沿</translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation>规模律</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Scoring: %1 · %2 · epochs: %3 · seeds: %4</source>
        <translation>打分：%1 · %2 · 轮数：%3 · 种子数：%4</translation>
    </message>
    <message>
        <source>Fairness audit: %1</source>
        <translation>公平性审计：%1</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 · %2 left</source>
        <translation>%1 · 剩余 %2</translation>
    </message>
    <message>
        <source>done (run %1, from the store)</source>
        <translation>完成（运行 %1，来自存储库）</translation>
    </message>
    <message>
        <source>done (run %1)</source>
        <translation>完成（运行 %1）</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>cancelled — resume continues from the last finished step</source>
        <translation>已取消——恢复时从上一个完成的步骤继续</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Import: %1 from %2</source>
        <translation>导入：%1（来自 %2）</translation>
    </message>
    <message>
        <source>%1: %2 · %3 · epochs: %4</source>
        <translation>%1：%2 · %3 · 轮数：%4</translation>
    </message>
    <message>
        <source>Peak learning rate (SGD with momentum, linear warm-up, cosine decay)</source>
        <translation>峰值学习率（带动量的 SGD，线性预热，余弦衰减）</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <source>Learning-rate range test: train briefly at growing learning rates and put the one where the loss falls fastest here</source>
        <translation>学习率范围测试：以递增的学习率短暂训练，并把损失下降最快处的学习率填到这里</translation>
    </message>
    <message>
        <source>fail the run if the model does not learn</source>
        <translation>模型未学到东西时判定运行失败</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Learning-rate range test: %1</source>
        <translation>学习率范围测试：%1</translation>
    </message>
    <message>
        <source>suggested learning rate %1 (where the loss falls fastest; lowest loss at %2)</source>
        <translation>建议学习率 %1（损失下降最快处；损失最低处为 %2）</translation>
    </message>
    <message>
        <source>Health checks: a model still at chance level when a score is read fails the run instead of caching meaningless scores, and a score without spread is left out. A diverged loss fails the run either way.</source>
        <translation>健康检查：读取分数时模型仍处于随机水平则判定运行失败，而不是缓存无意义的分数；没有差异的分数会被略去。损失发散时无论如何都判定运行失败。</translation>
    </message>
    <message>
        <source>Training settings</source>
        <translation>训练设置</translation>
    </message>
    <message>
        <source>EL2N epoch</source>
        <translation>EL2N 轮次</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>清除已完成</translation>
    </message>
    <message>
        <source>How many trainings, scorings and studies run at the same time; the others wait</source>
        <translation>同时运行的训练、打分和研究任务数；其余任务排队等待</translation>
    </message>
    <message>
        <source>At once</source>
        <translation>同时运行</translation>
    </message>
    <message>
        <source>Run earlier</source>
        <translation>提前运行</translation>
    </message>
    <message>
        <source>Run later</source>
        <translation>推后运行</translation>
    </message>
    <message>
        <source>Remove from the list</source>
        <translation>从列表中移除</translation>
    </message>
    <message>
        <source>queued (%1 in line)</source>
        <translation>排队中（第 %1 位）</translation>
    </message>
    <message>
        <source>EL2N as in the paper (10 seeds)</source>
        <translation>论文中的 EL2N（10 个种子）</translation>
    </message>
    <message>
        <source>A %1 run cannot be resumed on its own.</source>
        <translation>%1 运行不能单独恢复。</translation>
    </message>
    <message>
        <source>Run %1 cannot be resumed: %2</source>
        <translation>无法恢复运行 %1：%2</translation>
    </message>
    <message>
        <source>Submit scoring to Slurm</source>
        <translation>提交打分到 Slurm</translation>
    </message>
    <message>
        <source> · on Slurm</source>
        <translation> · 在 Slurm 上</translation>
    </message>
    <message>
        <source>at most %1 training examples</source>
        <translation>最多 %1 个训练样本</translation>
    </message>
    <message>
        <source>Batch size %1 instead of %2, so that %3 examples give at least %4 steps per epoch (Training settings › Batch size sets it).</source>
        <translation>批大小为 %1 而非 %2，使 %3 个样本每轮至少有 %4 步（在“训练设置 › 批大小”中设定）。</translation>
    </message>
    <message>
        <source>Label check (cross-validated): %1 folds · %2 · epochs: %3 · seeds: %4</source>
        <translation>标签检查（交叉验证）：%1 折 · %2 · 训练轮数：%3 · 种子：%4</translation>
    </message>
    <message>
        <source>Find… set %1 (was %2): where the loss fell fastest; the lowest loss was at %3.</source>
        <translation>“查找…”设定为 %1（原为 %2）：损失下降最快之处；最低损失出现在 %3。</translation>
    </message>
    <message>
        <source>%1 examples × %2 epochs × %3 (%4, batch %5)</source>
        <translation>%1 个样本 × %2 轮 × %3（%4，批大小 %5）</translation>
    </message>
    <message>
        <source>1 seed</source>
        <translation>1 个种子</translation>
    </message>
    <message>
        <source>%1 seeds</source>
        <translation>%1 个种子</translation>
    </message>
    <message>
        <source>Start a long job?</source>
        <translation>要开始一个耗时的任务吗？</translation>
    </message>
    <message>
        <source>This job is estimated to take about %1.</source>
        <translation>预计此任务约需 %1。</translation>
    </message>
    <message>
        <source>It trains %1.</source>
        <translation>它将训练 %1。</translation>
    </message>
    <message>
        <source>It runs in the background and can be cancelled and resumed later. Start it now?</source>
        <translation>任务在后台运行，可随时取消并在之后继续。现在开始吗？</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Epoch at which EL2N (and GraNd) are read: early in training, as the paper does. When only EL2N and GraNd are asked for, training stops there; the other scores need every epoch</source>
        <translation>读取 EL2N（和 GraNd）的轮次：如论文所做，在训练早期。只请求 EL2N 和 GraNd 时，训练在此停止；其他分数需要全部轮次</translation>
    </message>
    <message>
        <source>Scores EL2N only, averaged over 10 independently trained seeds, read early in training (20 % of the epochs), as Paul et al. and Sorscher et al. do. Training stops at the EL2N epoch, and the seeds train together as far as the cores and memory allow</source>
        <translation>只计算 EL2N，在 10 个独立训练的种子上平均，在训练早期（20 % 的轮次）读取，如 Paul 等人和 Sorscher 等人所做。训练在 EL2N 轮次停止，并在核心和内存允许时多个种子一起训练</translation>
    </message>
    <message>
        <source>Fairness audit by group: %1</source>
        <translation>按组的公平性审计：%1</translation>
    </message>
    <message>
        <source>Embedding map of run %1</source>
        <translation>运行 %1 的嵌入图</translation>
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
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>PruneScope — %1</source>
        <translation>PruneScope — %1</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>Cannot record the dataset in the store</source>
        <translation>无法在存储库中记录该数据集</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>图库</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Frontier</source>
        <translation>前沿</translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation>规模律</translation>
    </message>
    <message>
        <source>Fairness</source>
        <translation>公平性</translation>
    </message>
    <message>
        <source>Theory</source>
        <translation>理论</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Runs in the store</source>
        <translation>存储库中的运行</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Cannot show the frontier study</source>
        <translation>无法显示前沿研究</translation>
    </message>
    <message>
        <source>Cannot show the scaling study</source>
        <translation>无法显示规模律研究</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Deleted run %1</source>
        <translation>已删除运行 %1</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>The run is %1; only finished runs have results to show. Start the same job again to resume it.</source>
        <translation>该运行的状态为 %1；只有已完成的运行才有结果可显示。再次启动相同的任务即可恢复它。</translation>
    </message>
    <message>
        <source>(run %1)</source>
        <translation>（运行 %1）</translation>
    </message>
    <message>
        <source>Run %1 is a model trained for a study; its test error shows in that study&apos;s view.</source>
        <translation>运行 %1 是为某项研究训练的模型；其测试误差显示在该研究的视图中。</translation>
    </message>
    <message>
        <source>Auditing %1… (the Jobs panel shows its progress; models the study trained come from the store)</source>
        <translation>正在审计 %1…（任务面板显示进度；研究已训练的模型取自存储库）</translation>
    </message>
    <message>
        <source>Job failed</source>
        <translation>任务失败</translation>
    </message>
    <message>
        <source>Cannot read the store</source>
        <translation>无法读取存储库</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Fashion-MNIST</source>
        <translation>打开 &amp;Fashion-MNIST</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>&amp;Open Dataset Folder…</source>
        <translation>打开数据集文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;CSV Manifest…</source>
        <translation>打开 &amp;CSV 清单…</translation>
    </message>
    <message>
        <source>&amp;Recent Datasets</source>
        <translation>最近的数据集(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Cannot use the store %1</source>
        <translation>无法使用存储库 %1</translation>
    </message>
    <message>
        <source>The new language applies the next time PruneScope starts.</source>
        <translation>新语言将在下次启动 PruneScope 时生效。</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Open a dataset folder (IDX, CIFAR binary or class folders)</source>
        <translation>打开数据集文件夹（IDX、CIFAR 二进制或按类别分的文件夹）</translation>
    </message>
    <message>
        <source>Open a CSV manifest</source>
        <translation>打开 CSV 清单</translation>
    </message>
    <message>
        <source>CSV manifests (*.csv)</source>
        <translation>CSV 清单 (*.csv)</translation>
    </message>
    <message>
        <source>Reading the store…</source>
        <translation>正在读取存储库…</translation>
    </message>
    <message>
        <source>&amp;Import Scores…</source>
        <translation>导入分数(&amp;I)…</translation>
    </message>
    <message>
        <source>Import scores</source>
        <translation>导入分数</translation>
    </message>
    <message>
        <source>Open a dataset first: scores are imported for its training examples.</source>
        <translation>请先打开数据集：分数是为其训练样本导入的。</translation>
    </message>
    <message>
        <source>Import scores (one value per training example)</source>
        <translation>导入分数（每个训练样本一个值）</translation>
    </message>
    <message>
        <source>Scores (*.csv *.npy);;CSV (*.csv);;NumPy (*.npy)</source>
        <translation>分数 (*.csv *.npy);;CSV (*.csv);;NumPy (*.npy)</translation>
    </message>
    <message>
        <source>Name of the score:</source>
        <translation>分数名称：</translation>
    </message>
    <message>
        <source>higher = harder</source>
        <translation>越高越难</translation>
    </message>
    <message>
        <source>higher = easier</source>
        <translation>越高越容易</translation>
    </message>
    <message>
        <source>The file&apos;s values:</source>
        <translation>文件中的值：</translation>
    </message>
    <message>
        <source>Cannot tag the examples</source>
        <translation>无法标记这些样本</translation>
    </message>
    <message>
        <source>[%1%] %2</source>
        <translation>[%1%] %2</translation>
    </message>
    <message numerus="yes">
        <source> (%n queued)</source>
        <translation>
            <numerusform>（%n 个排队中）</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Scores and Policies</source>
        <translation>分数与策略(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;About PruneScope</source>
        <translation>关于 PruneScope(&amp;A)</translation>
    </message>
    <message>
        <source>Quit PruneScope?</source>
        <translation>退出 PruneScope？</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) still running or queued. Quit anyway? Running jobs stop at once; what they finished stays in the store, and starting the same job again resumes them.</source>
        <translation>
            <numerusform>仍有 %n 个任务在运行或排队。仍要退出吗？运行中的任务会立即停止；已完成的部分保留在存储库中，再次启动同一任务即可继续。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Export Report…</source>
        <translation>导出报告(&amp;E)…</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>报告已写入 %1</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Slurm arrays keep running on the cluster: their merge jobs bring the results into the store.</source>
        <translation>Slurm 作业数组会在集群上继续运行：其合并作业会把结果带回存储库。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop opening the dataset (the files read so far are remembered)</source>
        <translation>停止打开数据集（已读取的文件会被记住）</translation>
    </message>
    <message>
        <source>Opening %1: %2 (%3 %)</source>
        <translation>正在打开 %1：%2（%3 %）</translation>
    </message>
    <message>
        <source>Stopped opening %1</source>
        <translation>已停止打开 %1</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>嵌入图</translation>
    </message>
</context>
<context>
    <name>ps::ui::MapView</name>
    <message>
        <source>The run whose stored embedding the map lays out</source>
        <translation>用其存储的嵌入来布局此图的运行</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>Mislabel flag</source>
        <translation>误标标记</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Kept / pruned (gallery&apos;s policy and fraction)</source>
        <translation>保留 / 剪除（画廊的策略和比例）</translation>
    </message>
    <message>
        <source>Lay out map</source>
        <translation>布局嵌入图</translation>
    </message>
    <message>
        <source>PCA to 50 dimensions, then a UMAP-like layout of the k nearest neighbours (McInnes et al. 2018), as a job; the map is cached in the store</source>
        <translation>先用 PCA 降到 50 维，再对 k 个最近邻做类 UMAP 布局（McInnes 等，2018），作为作业运行；结果缓存在存储中</translation>
    </message>
    <message>
        <source>Untick an entry to hide its points</source>
        <translation>取消勾选某项以隐藏其点</translation>
    </message>
    <message>
        <source>Hover a point to see the example.</source>
        <translation>将鼠标悬停在点上以查看样本。</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>未选中任何样本</translation>
    </message>
    <message>
        <source>Embedding of</source>
        <translation>嵌入来自</translation>
    </message>
    <message>
        <source>Colour by</source>
        <translation>着色依据</translation>
    </message>
    <message>
        <source>Score: %1</source>
        <translation>分数：%1</translation>
    </message>
    <message>
        <source>No run of this dataset stored an embedding. A scoring run stores the embedding it computed (prunescope-cli score, or the job panel); imported scores have none.</source>
        <translation>此数据集没有运行存储过嵌入。评分运行会存储它计算的嵌入（prunescope-cli score 或作业面板）；导入的分数没有嵌入。</translation>
    </message>
    <message>
        <source>No map of this run yet: Lay out map computes it.</source>
        <translation>此运行还没有嵌入图：点“布局嵌入图”来计算。</translation>
    </message>
    <message>
        <source>%1 examples · laid out in %2 s%3 · %4</source>
        <translation>%1 个样本 · 布局用时 %2 秒%3 · %4</translation>
    </message>
    <message>
        <source> (a sample of %1, the rest placed at their nearest sampled neighbours)</source>
        <translation>（对 %1 个样本抽样布局，其余样本放在最近的抽样邻居处）</translation>
    </message>
    <message>
        <source>wheel: zoom · drag: lasso · Ctrl+drag: box · Shift+drag: pan · double-click: whole map</source>
        <translation>滚轮：缩放 · 拖动：套索 · Ctrl+拖动：框选 · Shift+拖动：平移 · 双击：整张图</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n selected on the map&lt;/b&gt; (the gallery&apos;s selection)</source>
        <translation>
            <numerusform>&lt;b&gt;在图上选中 %n 个&lt;/b&gt;（画廊的选择）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n selected in the gallery&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;在画廊中选中 %n 个&lt;/b&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ps::ui::PlanPanel</name>
    <message>
        <source>keep hard</source>
        <translation>保留困难样本</translation>
    </message>
    <message>
        <source>keep easy</source>
        <translation>保留简单样本</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>a budget of</source>
        <translation>预算为</translation>
    </message>
    <message>
        <source>a target test error of</source>
        <translation>目标测试误差为</translation>
    </message>
    <message>
        <source> examples</source>
        <translation> 个样本</translation>
    </message>
    <message>
        <source>Examples available before pruning (the pool)</source>
        <translation>剪枝前可用的样本数（样本池）</translation>
    </message>
    <message>
        <source>The test error to reach: the plan needing the fewest examples before pruning</source>
        <translation>要达到的测试误差：给出剪枝前所需样本最少的方案</translation>
    </message>
    <message>
        <source>Pruning plan for</source>
        <translation>剪枝方案：</translation>
    </message>
    <message>
        <source>Theory, for comparison only (not this dataset)</source>
        <translation>理论，仅供对比（并非本数据集）</translation>
    </message>
    <message>
        <source>Simulating the perceptron…</source>
        <translation>正在模拟感知机…</translation>
    </message>
    <message>
        <source>No study to plan from: run a scaling or frontier study first.</source>
        <translation>没有可用于规划的研究：请先运行缩放研究或前沿研究。</translation>
    </message>
    <message>
        <source>α_tot (examples per dimension)</source>
        <translation>α_tot（每维样本数）</translation>
    </message>
    <message>
        <source>kept f</source>
        <translation>保留比例 f</translation>
    </message>
    <message>
        <source>%1 wins</source>
        <translation>%1 胜出</translation>
    </message>
    <message>
        <source>optimal f</source>
        <translation>最优 f</translation>
    </message>
    <message>
        <source>tie (within noise)</source>
        <translation>平局（在噪声范围内）</translation>
    </message>
    <message>
        <source>Teacher-student perceptron (Sorscher et al. 2022, Fig. 1), N = %1, %2 trials, simulated: with few examples per dimension keeping the easy examples wins; with many, the hard ones. A policy is shown as winning only where it beats the runner-up by more than 2 standard errors over the trials; elsewhere the simulation calls it a tie. It says nothing about this dataset&apos;s numbers.</source>
        <translation>师生感知机（Sorscher 等，2022，图 1），N = %1，%2 次试验，模拟结果：每维样本少时保留简单样本更好；样本多时保留困难样本更好。只有当一个策略比第二名高出 2 个标准误差以上时才显示为胜出；否则模拟判为平局。它与本数据集的数值无关。</translation>
    </message>
</context>
<context>
    <name>ps::ui::ReportExport</name>
    <message>
        <source>Open a dataset first: the report covers its studies.</source>
        <translation>请先打开数据集：报告涵盖它的各项研究。</translation>
    </message>
    <message>
        <source>Export the study report</source>
        <translation>导出研究报告</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTML 报告 (*.html)</translation>
    </message>
</context>
<context>
    <name>ps::ui::RunTreeModel</name>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Time taken</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
</context>
<context>
    <name>ps::ui::RunsPanel</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Show the run&apos;s results in its view</source>
        <translation>在对应视图中显示该运行的结果</translation>
    </message>
    <message>
        <source>Delete run</source>
        <translation>删除运行</translation>
    </message>
    <message>
        <source>Run %1 is still running: cancel its job first.</source>
        <translation>运行 %1 仍在进行：请先取消其任务。</translation>
    </message>
    <message>
        <source>Delete %1 run %2 (%3) and everything it stored? This cannot be undone.</source>
        <translation>删除 %1 运行 %2（%3）及其存储的全部内容？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Select a run to see its training curves.</source>
        <translation>选中一个运行以查看其训练曲线。</translation>
    </message>
    <message>
        <source>Training curves</source>
        <translation>训练曲线</translation>
    </message>
    <message>
        <source>Run %1 (%2): %3</source>
        <translation>运行 %1（%2）：%3</translation>
    </message>
    <message>
        <source>Its training curves cannot be read: %1</source>
        <translation>无法读取其训练曲线：%1</translation>
    </message>
    <message>
        <source>It stored no training curves (imports, and runs from before PruneScope 0.2, have none).</source>
        <translation>它没有保存训练曲线（导入的分数以及 PruneScope 0.2 之前的运行都没有）。</translation>
    </message>
    <message>
        <source>%1 after epoch %2: loss %3, train accuracy %4 (balanced %5, chance %6)</source>
        <translation>%1 第 %2 轮后：损失 %3，训练准确率 %4（平衡 %5，随机水平 %6）</translation>
    </message>
    <message>
        <source>Training curves of run %1</source>
        <translation>运行 %1 的训练曲线</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Start an interrupted or failed run again from its stored settings: it continues from its last checkpoint (a model trained by a study resumes its study)</source>
        <translation>按存储的设置重新启动中断或失败的运行：从最后一个检查点继续（研究训练的模型会恢复其所属研究）</translation>
    </message>
</context>
<context>
    <name>ps::ui::ScalingView</name>
    <message>
        <source>No scaling study yet: start one in the Jobs panel (Scaling tab).</source>
        <translation>尚无规模律研究：请在任务面板（“规模律”标签页）中开始一项。</translation>
    </message>
    <message>
        <source>run %1 · %2</source>
        <translation>运行 %1 · %2</translation>
    </message>
    <message>
        <source>f = %1: %2</source>
        <translation>f = %1：%2</translation>
    </message>
    <message>
        <source>Legend: b is the fitted exponent of err = a·n^(−b) (+ c), ± its standard error.</source>
        <translation>图例：b 为 err = a·n^(−b)（+ c）拟合得到的指数，± 为其标准误差。</translation>
    </message>
    <message>
        <source>log x</source>
        <translation>对数 x</translation>
    </message>
    <message>
        <source>log y</source>
        <translation>对数 y</translation>
    </message>
    <message>
        <source>Test error against examples kept (%1); lines: fitted power laws</source>
        <translation>测试误差与保留样本数（%1）；线：拟合的幂律</translation>
    </message>
    <message>
        <source>Envelope (%1): %2; %3.</source>
        <translation>包络线（%1）：%2；%3。</translation>
    </message>
    <message>
        <source>best over every policy</source>
        <translation>所有策略中的最佳</translation>
    </message>
    <message>
        <source>keep-%1</source>
        <translation>保留%1</translation>
    </message>
</context>
<context>
    <name>ps::ui::ScoreCatalog</name>
    <message>
        <source>%1 (run %2)</source>
        <translation>%1（运行 %2）</translation>
    </message>
    <message>
        <source>seed-to-seed rank correlation ρ = %1 (mean over seed pairs)</source>
        <translation>种子间秩相关 ρ = %1（所有种子对的平均）</translation>
    </message>
</context>
<context>
    <name>ps::ui::ScoreView</name>
    <message>
        <source>every run&apos;s scores</source>
        <translation>所有运行的分数</translation>
    </message>
    <message>
        <source>run %1 (%2 scores) · %3</source>
        <translation>运行 %1（%2 个分数）· %3</translation>
    </message>
    <message>
        <source>Compare every run&apos;s scores, or the scores of one run</source>
        <translation>比较所有运行的分数，或只比较一次运行的分数</translation>
    </message>
    <message>
        <source>Top-k overlap: k is this fraction of the examples every score covers</source>
        <translation>Top-k 重叠：k 为所有分数共同覆盖样本的这一比例</translation>
    </message>
    <message>
        <source>Distribution per class</source>
        <translation>各类别分布</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Bins</source>
        <translation>分箱数</translation>
    </message>
    <message>
        <source>Agreement between scores</source>
        <translation>分数之间的一致性</translation>
    </message>
    <message>
        <source>Top fraction</source>
        <translation>前部比例</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Spearman rank correlation</source>
        <translation>Spearman 秩相关</translation>
    </message>
    <message>
        <source>Export the agreement</source>
        <translation>导出一致性</translation>
    </message>
    <message>
        <source>CSV data (*.csv)</source>
        <translation>CSV 数据 (*.csv)</translation>
    </message>
    <message>
        <source>Needs at least two cached scores.</source>
        <translation>至少需要两个已缓存的分数。</translation>
    </message>
    <message>
        <source>difficulty (%1, higher = harder)</source>
        <translation>难度（%1，越高越难）</translation>
    </message>
    <message>
        <source>examples per bin</source>
        <translation>每个分箱的样本数</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>no agreement to export: it needs at least two cached scores</source>
        <translation>没有可导出的一致性：至少需要两个已缓存的分数</translation>
    </message>
    <message>
        <source>every class, side by side</source>
        <translation>所有类别并排</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>top-k overlap (share of the k hardest)</source>
        <translation>Top-k 重叠（最难的 k 个中共享的比例）</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Two scores against each other</source>
        <translation>两个分数相互对照</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>all classes, scaled to this class&apos;s size</source>
        <translation>所有类别（按此类别的大小缩放）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>On the %1 training examples every score covers; k = %2 (the hardest %3 %). Hover a cell for both numbers; click it for the scatter of the two.</source>
        <translation>基于所有分数共同覆盖的 %1 个训练样本；k = %2（最难的 %3 %）。悬停在单元格上查看两个数值；单击查看两者的散点图。</translation>
    </message>
    <message>
        <source>Needs a cached score.</source>
        <translation>需要一个已缓存的分数。</translation>
    </message>
    <message>
        <source>%1 examples both scores cover; darker cells hold more (log scale). Click a point to open the example.</source>
        <translation>两个分数共同覆盖 %1 个样本；颜色越深的单元格样本越多（对数刻度）。单击一个点打开该样本。</translation>
    </message>
    <message>
        <source>How well the seeds&apos; scores agree: the mean Spearman correlation between every two seeds (the paper averages EL2N over 10 seeds because one model&apos;s is noisy)</source>
        <translation>各种子分数的一致程度：每两个种子之间 Spearman 相关的平均值（论文对 10 个种子的 EL2N 取平均，因为单个模型的分数噪声较大）</translation>
    </message>
    <message>
        <source>every class (table)</source>
        <translation>所有类别（表格）</translation>
    </message>
</context>
<context>
    <name>ps::ui::SettingsDialog</name>
    <message>
        <source>The new language applies when PruneScope starts again. Restart now?</source>
        <translation>新语言将在 PruneScope 重新启动后生效。现在重启吗？</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>A new language applies the next time PruneScope starts.</source>
        <translation>新语言将在下次启动 PruneScope 时生效。</translation>
    </message>
    <message>
        <source>Store file</source>
        <translation>存储库文件</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>SQLite stores (*.sqlite *.db);;All files (*)</source>
        <translation>SQLite 存储库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ps::ui::SlurmArrayJob</name>
    <message>
        <source>array cancelled (scancel); resume submits the unfinished tasks again</source>
        <translation>作业数组已取消（scancel）；恢复时会重新提交未完成的子任务</translation>
    </message>
    <message>
        <source>every task finished: merging the shards into the store…</source>
        <translation>所有子任务已完成：正在把分片合并到存储库…</translation>
    </message>
    <message>
        <source>merged into the store: %1 runs added, %2 already there, %3 seeds added</source>
        <translation>已合并到存储库：新增 %1 个运行，%2 个已存在，新增 %3 个种子</translation>
    </message>
    <message>
        <source>planning and submitting to Slurm…</source>
        <translation>正在规划并提交到 Slurm…</translation>
    </message>
    <message numerus="yes">
        <source>submitted: array job %1 (%n tasks), merge job %2 · %3</source>
        <translation>
            <numerusform>已提交：作业数组 %1（%n 个子任务），合并作业 %2 · %3</numerusform>
        </translation>
    </message>
    <message>
        <source>resubmitted tasks %1: array job %2</source>
        <translation>已重新提交子任务 %1：作业数组 %2</translation>
    </message>
    <message>
        <source>%1 of %2 tasks finished</source>
        <translation>%2 个子任务中已完成 %1 个</translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation>%1 个运行中</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 个等待中</translation>
    </message>
    <message>
        <source>%1 failed: resubmit them or cancel</source>
        <translation>%1 个失败：请重新提交或取消</translation>
    </message>
</context>
<context>
    <name>ps::ui::SlurmForm</name>
    <message>
        <source>this computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Slurm cluster</source>
        <translation>Slurm 集群</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Slurm partition (empty: the default one)</source>
        <translation>Slurm 分区（留空：默认分区）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Slurm account to charge (empty: your default)</source>
        <translation>记账的 Slurm 账户（留空：您的默认账户）</translation>
    </message>
    <message>
        <source>GPUs per task (0: none)</source>
        <translation>每个子任务的 GPU 数（0：不用 GPU）</translation>
    </message>
    <message>
        <source>CPU cores per task: its training threads</source>
        <translation>每个子任务的 CPU 核数：即其训练线程数</translation>
    </message>
    <message>
        <source>Time limit of one task, HH:MM:SS or D-HH:MM:SS (empty: the partition&apos;s default)</source>
        <translation>单个子任务的时间上限，HH:MM:SS 或 D-HH:MM:SS（留空：分区的默认值）</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>At most this many tasks of the array at once</source>
        <translation>作业数组中同时运行的子任务数上限</translation>
    </message>
    <message>
        <source>next to the store, in slurm/</source>
        <translation>存储库旁的 slurm/ 中</translation>
    </message>
    <message>
        <source>A folder every node sees: the plan, its scripts, the shards and the logs go there</source>
        <translation>所有节点都能访问的文件夹：计划、脚本、分片和日志都放在这里</translation>
    </message>
    <message>
        <source>prunescope-cli as the nodes run it</source>
        <translation>各节点运行的 prunescope-cli 路径</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>GPUs / task</source>
        <translation>GPU / 子任务</translation>
    </message>
    <message>
        <source>CPUs / task</source>
        <translation>CPU / 子任务</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>时间上限</translation>
    </message>
    <message>
        <source>Throttle</source>
        <translation>并发上限</translation>
    </message>
    <message>
        <source>Plan folder and program</source>
        <translation>计划文件夹与程序</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>prunescope-cli</source>
        <translation>prunescope-cli</translation>
    </message>
    <message>
        <source>Run on</source>
        <translation>运行于</translation>
    </message>
    <message>
        <source>Submit the work as a Slurm job array, one task per seed or study point, and merge the results into the store when it is done</source>
        <translation>把工作作为 Slurm 作业数组提交，每个种子或研究点一个子任务，完成后把结果合并到存储库</translation>
    </message>
    <message>
        <source>sbatch not found on PATH</source>
        <translation>在 PATH 中找不到 sbatch</translation>
    </message>
    <message>
        <source>prunescope-cli &apos;%1&apos; is not a program: give the path the nodes run it from</source>
        <translation>prunescope-cli“%1”不是可执行程序：请给出各节点运行它的路径</translation>
    </message>
</context>
<context>
    <name>ps::ui::StudyForm</name>
    <message>
        <source>The cached score the study prunes by (run a scoring job first)</source>
        <translation>研究用于剪枝的已缓存分数（请先运行打分任务）</translation>
    </message>
    <message>
        <source>Start frontier study</source>
        <translation>开始前沿研究</translation>
    </message>
    <message>
        <source>Start scaling study</source>
        <translation>开始规模律研究</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Training settings</source>
        <translation>训练设置</translation>
    </message>
    <message>
        <source>Other scores of the same scoring run: their policies are trained and drawn on the same frontier</source>
        <translation>同一评分运行中的其他分数：按它们的策略训练，并画在同一前沿图上</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>对比分数</translation>
    </message>
    <message>
        <source>none: no other score in that run</source>
        <translation>无：该运行中没有其他分数</translation>
    </message>
    <message>
        <source>Submit frontier study to Slurm</source>
        <translation>提交前沿研究到 Slurm</translation>
    </message>
    <message>
        <source>Submit scaling study to Slurm</source>
        <translation>提交规模律研究到 Slurm</translation>
    </message>
    <message>
        <source>at most %1 test examples</source>
        <translation>最多 %1 个测试样本</translation>
    </message>
    <message>
        <source>at most %1 scored examples</source>
        <translation>最多 %1 个已打分样本</translation>
    </message>
</context>
<context>
    <name>ps::ui::StudyRunView</name>
    <message>
        <source>Study</source>
        <translation>研究</translation>
    </message>
</context>
<context>
    <name>ps::ui::TheoryView</name>
    <message>
        <source>keep hard</source>
        <translation>保留困难样本</translation>
    </message>
    <message>
        <source>keep easy</source>
        <translation>保留简单样本</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Dimension N</source>
        <translation>维度 N</translation>
    </message>
    <message>
        <source>α_tot (examples / N)</source>
        <translation>α_tot（样本数 / N）</translation>
    </message>
    <message>
        <source>Kept fractions f</source>
        <translation>保留比例 f</translation>
    </message>
    <message>
        <source>Probe angle θ</source>
        <translation>探针角 θ</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>试验次数</translation>
    </message>
    <message>
        <source>%1 points, %2 trials each</source>
        <translation>%1 个点，每个 %2 次试验</translation>
    </message>
    <message>
        <source>Simulation failed: %1</source>
        <translation>模拟失败：%1</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b00&apos;&gt;%1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Simulating…</source>
        <translation>正在模拟…</translation>
    </message>
    <message>
        <source>Perceptron: test error against α_prune = f · α_tot (θ = %1°)</source>
        <translation>感知机：测试误差与 α_prune = f · α_tot（θ = %1°）</translation>
    </message>
    <message>
        <source>α_prune (examples kept per dimension)</source>
        <translation>α_prune（每个维度保留的样本数）</translation>
    </message>
    <message>
        <source>test error</source>
        <translation>测试误差</translation>
    </message>
    <message>
        <source>%1, f = %2</source>
        <translation>%1，f = %2</translation>
    </message>
    <message>
        <source>Pareto frontier</source>
        <translation>帕累托前沿</translation>
    </message>
    <message>
        <source>log α axis</source>
        <translation>对数 α 轴</translation>
    </message>
    <message>
        <source>log error axis</source>
        <translation>对数误差轴</translation>
    </message>
    <message>
        <source>Examples per dimension, comma-separated</source>
        <translation>每个维度的样本数，以逗号分隔</translation>
    </message>
    <message>
        <source>Kept fractions f, comma-separated</source>
        <translation>保留比例 f，以逗号分隔</translation>
    </message>
</context>
</TS>
