// Uses each library of the GPU bundle once: OpenCV (resize, PNG and JPEG both ways),
// SQLite, zlib, xxHash, liblinear (a two-point problem), nlohmann-json, CLI11.
#include <linear.h>
#include <sqlite3.h>
#include <xxhash.h>
#include <zlib.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace {
void quiet(const char*) {}
}  // namespace

int main(int argc, char** argv) {
  CLI::App app("bundle self-test");
  CLI11_PARSE(app, argc, argv);

  cv::Mat image(32, 32, CV_8UC3, cv::Scalar(10, 200, 30)), small;
  cv::resize(image, small, cv::Size(16, 16));
  std::vector<uchar> png, jpg;
  const bool encoded = cv::imencode(".png", small, png) && cv::imencode(".jpg", image, jpg);
  const cv::Mat a = cv::imdecode(png, cv::IMREAD_COLOR), b = cv::imdecode(jpg, cv::IMREAD_COLOR);

  sqlite3* db = nullptr;
  const bool sql = sqlite3_open(":memory:", &db) == SQLITE_OK &&
                   sqlite3_exec(db, "PRAGMA user_version = 3", nullptr, nullptr, nullptr) == SQLITE_OK;
  sqlite3_close(db);

  // Two points on either side of zero: the solver (with its BLAS routines) separates them.
  feature_node x0[] = {{1, -1.0}, {-1, 0}}, x1[] = {{1, 1.0}, {-1, 0}};
  feature_node* xs[] = {x0, x1};
  double ys[] = {-1, 1};
  problem prob{2, 1, ys, xs, -1};
  parameter param{};
  param.solver_type = L2R_L2LOSS_SVC;
  param.C = 1;
  param.eps = 0.01;
  set_print_string_function(quiet);
  model* m = train(&prob, &param);
  const bool svm = predict(m, x0) < 0 && predict(m, x1) > 0;
  free_and_destroy_model(&m);

  const bool ok = encoded && a.cols == 16 && b.cols == 32 && sql && svm;
  std::printf("self-test %s: OpenCV %s (PNG %zu B, JPEG %zu B), SQLite %s, zlib %s, xxHash %u, liblinear %d, %s\n",
              ok ? "passed" : "FAILED", CV_VERSION, png.size(), jpg.size(), sqlite3_libversion(), zlibVersion(),
              XXH_versionNumber(), liblinear_version, nlohmann::json{{"json", true}}.dump().c_str());
  return ok ? 0 : 1;
}
