import type { ManifestOptions } from 'vite-plugin-pwa';

/** The web app manifest: what a phone shows when the portal is added to the home screen. */
export const webAppManifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'つながる東金',
  short_name: 'つながる東金',
  description:
    '東金市の市民ポータルです。手続きを探す、施設の予約、納付書での支払い、コンビニでの証明書の取り方、マイナンバーカードの窓口予約が、スマートフォンひとつでできます。',
  lang: 'ja',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  theme_color: '#0b4ba8',
  background_color: '#ffffff',
  categories: ['government', 'utilities'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};
