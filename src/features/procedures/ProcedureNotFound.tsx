import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Fields.tsx';
import { Page } from '../../ui/Page.tsx';
import { LifeEventLinks } from './LifeEventLinks.tsx';
import styles from './procedures.module.css';

/** An unknown procedure address: say so, and offer the search and the life events. */
export function ProcedureNotFound() {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    void navigate(text.trim() === '' ? '/procedures' : `/procedures?q=${encodeURIComponent(text.trim())}`);
  }
  return (
    <Page heading="手続きが見つかりません">
      <p>このアドレスの手続きはありません。名前が変わったか、アドレスがまちがっているかもしれません。ことばで探してみてください。</p>
      <form role="search" className={styles.searchForm} onSubmit={submit}>
        <TextField label="手続きを検索" type="search" enterKeyHint="search" autoComplete="off" value={text} onChange={(event) => setText(event.target.value)} />
        <Button type="submit">探す</Button>
      </form>
      <h2>暮らしの出来事から探す</h2>
      <LifeEventLinks />
    </Page>
  );
}
