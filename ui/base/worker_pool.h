#pragma once
// The threads the views' computations run on (sorting, binning, agreement, store reads).
// Never Qt's global pool: Qt's raster painting hands the scaling and conversion of large
// images to that pool and waits for them, so a paint on the GUI thread would wait for a
// view's computation to end (a 200 ms stall per paint at a million examples).
class QThreadPool;

namespace ps::ui {

// Owned by the application (it waits for its work when the application ends); as many
// threads as cores. Called from the GUI thread only (it creates the pool on first use).
QThreadPool* workerPool();

}  // namespace ps::ui
