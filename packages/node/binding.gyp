{
  "targets": [
    {
      "target_name": "netrunner",
      "sources": ["addon/addon.cc", "addon/fd-reader.cc", "addon/polled-fd.cc", "addon/raw-fds.cc"],
      "include_dirs": [
        "<!(node -p \"require('node-addon-api').include_dir\")",
        "<(module_root_dir)/../../core-c/include"
      ],
      "libraries": ["<(module_root_dir)/../../core-c/out/libnetrunner.a"],
      "defines": ["NAPI_VERSION=8", "NAPI_DISABLE_CPP_EXCEPTIONS", "NODE_ADDON_API_DISABLE_DEPRECATED"],
      "cflags_cc": ["-std=c++17", "-Wall", "-Wextra"]
    }
  ]
}
