import { defineConfig, searchForWorkspaceRoot } from 'vite';

// No React plugin: TSX is compiled with the automatic JSX runtime (tsconfig "jsx": "react-jsx").
// The console is served by the gateway at /, so the API is same-origin; `npm run dev` proxies /api to it.
export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // antd's modules start with "use client" (for React Server Components); irrelevant in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'charts';
          if (id.includes('node_modules/antd') || id.includes('node_modules/@ant-design') || id.includes('node_modules/rc-')
            || id.includes('node_modules/@rc-component')) return 'antd';
          if (id.includes('node_modules/react') || id.includes('node_modules/scheduler')) return 'react';
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: { '/api': process.env.GATEWAY_URL ?? 'http://127.0.0.1:8080' },
    // src/labels.ts imports the platform's Chinese table from shared/, outside web/.
    fs: { allow: [searchForWorkspaceRoot(process.cwd()), '../shared/Platform.ServiceDefaults/Text'] },
  },
});
