import { Text, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingVerticalL,
    color: tokens.colorNeutralForeground2,
  },
});

/** A section that another part of the project will provide: says plainly what it will do, nothing fake. */
export function NotBuilt({ what }: { readonly what: string }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Text>Not built yet: {what}</Text>
    </div>
  );
}
