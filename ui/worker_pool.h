#pragma once
// The threads the views' computations run on (sorting, binning, agreement, store reads).
// Never Qt's global pool: Qt's raster painting hands the scaling and conversion of large
// images to that pool and waits for them, so a paint on the GUI thread would wait for a
// view's computation to end (a 200 ms stall per paint at a million examples).
class QThreadPool;

namespace ps::ui {

QThreadPool* workerPool();  // owned by the application; as many threads as cores

}  // namespace ps::ui
