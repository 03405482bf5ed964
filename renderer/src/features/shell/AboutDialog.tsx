import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useAppInfo } from '../../lib/api';

export function AboutDialog(props: { open: boolean; onClose: () => void }) {
  const info = useAppInfo();
  return (
    <Dialog
      open={props.open}
      onOpenChange={(_e, data) => {
        if (!data.open) props.onClose();
      }}
    >
      <DialogSurface aria-describedby="about-body">
        <DialogBody>
          <DialogTitle>Madoguchi（窓口）について</DialogTitle>
          <DialogContent id="about-body">
            <p>
              保有個人データの開示等請求（個人情報保護法
              第32条〜第39条）の受付から回答までを管理するアプリケーションです。
            </p>
            <p>バージョン {info.data?.version ?? '—'}</p>
            <p>すべてのデータはこのパソコン内に暗号化して保存され、外部へ送信されることはありません。</p>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onClose}>
              閉じる
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
